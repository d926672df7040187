; DPC (Pitfall II's chip, 10K): two 4K program banks picked by $FF8/$FF9
; (starting in bank 1), then 2K of display data the program reaches only
; through the chip's data fetchers: reading $F008-$F00F (fetcher n = bits
; 0-2) returns display byte 2047 - counter and counts down; $F010-$F017 the
; same ANDed with the fetcher's flag (set when the counter's low byte passes
; the top register, cleared at the bottom one); $F038-$F03F the flag;
; $F000-$F003 the random number generator, $F004-$F007 the music amplitude.
; Writes to $F040-$F07F set a fetcher's top ($F040), bottom ($F048),
; counter low ($F050) and high ($F058, bit 4 music mode for fetchers 5-7)
; or reset the generator ($F070). Display byte j here is j & $FF.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 1
        lda $FFF8
        RECORD BankID   ; 0
        sta $FFF9
        RECORD BankID   ; 1
; The generator shifts in NOT(b7 ^ b5 ^ b4 ^ b3) at each access the
; emulator hands to the chip: $F000-$F07F, $FFC0-$FFFF, any write.
        sta $F070       ; back to 1
        RECORD $F000    ; $03
        RECORD $F003    ; $07
        sta $F000       ; $0F
        lda $FFC0       ; $1E
        lda $F100       ; plain ROM: no shift
        RECORD $F001    ; $3D
; Fetcher 1: top $20, bottom $10, counter $322.
        lda #$20
        sta $F041
        lda #$10
        sta $F049
        lda #$22
        sta $F051
        lda #$03
        sta $F059
        RECORD $F009    ; $DD: byte 2047 - $322 = $4DD
        RECORD $F009    ; $DE
        RECORD $F011    ; $DF: the low byte equals top, so the flag is set
        RECORD $F039    ; $FF: the flag
        ldx #14
.count  lda $F039
        dex
        bne .count      ; counter down to $310
        RECORD $F011    ; $00: the low byte equals bottom: flag clear
; Fetcher 5 in music mode: its low byte counts down from top at 15,750 Hz
; (one tick every 75.8 cycles) instead of per read, and the flag is set
; while it is above bottom; voice 0 then adds 4 to the amplitude.
        lda #$FF
        sta $F045       ; top $FF
        lda #$80
        sta $F04D       ; bottom $80
        lda #$10
        sta $F05D       ; music mode
        lda $F005       ; a music read brings the fetcher up to date
        sta $F055       ; a music fetcher's low byte reloads from top: $FF
        ldx #100
.short  dex
        bne .short      ; about 500 cycles, 6-7 ticks: low about $F8
        RECORD $F005    ; $04
        lda #9
        sta $F0
.outer  ldx #0
.inner  dex
        bne .inner
        dec $F0
        bne .outer      ; about 11,600 cycles, 153 ticks: low about $5F
        RECORD $F005    ; $00: at or below bottom
        jmp .
        ENDM

        FBANKS 2, 0

        org $2000
J       SET 0
        REPEAT 2048
        .byte J & $FF
J       SET J + 1
        REPEND

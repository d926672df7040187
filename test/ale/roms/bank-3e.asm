; 3E (8K): four 2K ROM banks and 32K of RAM in 1K banks. A write of n to
; $3F puts ROM bank (n mod 4) at $F000-$F7FF; a write of n to $3E puts RAM
; bank (n mod 32) there instead, read at $F000-$F3FF and written at
; $F400-$F7FF. $F800-$FFFF always shows the last bank, where the program
; lives. Each ROM bank starts with its ID, $40 + bank number.
        processor 6502
        include "banks.h"

BANK    SET 0
        REPEAT 3
        org BANK * $800
        .byte $40 + BANK
BANK    SET BANK + 1
        REPEND

        org $1800
        rorg $F800
        .byte $43
Start   INIT
        RECORD $F000    ; $40: bank 0 at reset
        lda #2
        sta $3F
        RECORD $F000    ; $42
        lda #5
        sta $3F
        RECORD $F000    ; $41: 5 mod 4
        lda #33
        sta $3E         ; RAM bank 1 (33 mod 32)
        lda #$00        ; (STA $3E; LDA #0 is what auto-detection looks for)
        lda #$5A
        sta $F405
        RECORD $F005    ; $5A through the read port
        RECORD $F405    ; $5A: the write port reads the RAM too (as in ALE)
        RECORD $05      ; $5A: reads of $00-$3F show the window (as in ALE)
        lda #2
        sta $3E
        lda #$A5
        sta $F405
        RECORD $F005    ; $A5: RAM bank 2
        lda #1
        sta $3E
        RECORD $F005    ; $5A: bank 1 kept its byte
        lda #3
        sta $103F       ; the hot spot through the window (as in ALE)
        RECORD $F000    ; $43: ROM again, the last bank
; A write to the ROM reaches the TIA register its address mirrors (as in
; ALE): $F02C is CXCLR. First a collision: a whole line of player 0 over a
; full playfield, below the screen's first line (34) where ALE's TIA draws.
; The TIA is read through its $40 mirror, since $00-$3F show the window.
        lda #$FF
        sta PF0
        sta PF1
        sta PF2
        sta GRP0
        ldx #40
.wait   sta WSYNC
        dex
        bne .wait
        lda #0
        sta GRP0        ; nothing collides any more
        lda CXP0FB | $40
        and #$C0
        sta $0080,y     ; $80: player 0 hit the playfield
        iny
        sta $F02C
        lda CXP0FB | $40
        and #$C0
        sta $0080,y     ; $00: cleared
        iny
        jmp .

        org $1FFC
        rorg $FFFC
        .word Start, Start

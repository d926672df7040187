; F4 with Superchip (32K + 128 bytes RAM): the F4 hot spots, and RAM written
; at $F000-$F07F and read back at $F080-$F0FF, the same in every bank.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        lda $FFFA
        RECORD BankID   ; 6
        lda #$5A
        sta $F07F       ; write port
        RECORD $F0FF    ; $5A through the read port
        lda $FFF6
        RECORD BankID   ; 2
        RECORD $F0FF    ; $5A: the RAM is not banked
        RECORD $F07F    ; $FF: the write port reads as the (blank) ROM under it
        jmp .
        ENDM

        FBANKS 8, 256

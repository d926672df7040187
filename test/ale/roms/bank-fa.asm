; FA (12K, CBS RAM+): three 4K banks picked by $FF8-$FFA, and 256 bytes of
; RAM written at $F000-$F0FF and read back at $F100-$F1FF.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 2: FA carts start in their last bank
        lda $FFF8
        RECORD BankID   ; 0
        sta $FFF9
        RECORD BankID   ; 1
        lda #$77
        sta $F0AB
        RECORD $F1AB    ; $77 through the read port
        lda $FFFA
        RECORD BankID   ; 2
        RECORD $F1AB    ; $77: the RAM is not banked
        jmp .
        ENDM

        FBANKS 3, 512

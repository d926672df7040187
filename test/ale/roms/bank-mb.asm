; MB (64K, Dynacom Megaboy): sixteen 4K banks; every read or write of $FF0
; moves on to the next bank, wrapping after bank 15. Carts start in bank 1.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 1
        lda $FFF0
        RECORD BankID   ; 2
        sta $1FF0
        RECORD BankID   ; 3: a write, through the $1000 mirror
        ldx #13
.next   lda $FFF0       ; 13 more: 16 wraps to 0
        dex
        bne .next
        RECORD BankID   ; 0
        lda $FFF1
        lda $FFEF
        RECORD BankID   ; 0: the neighbours do nothing
        jmp .
        ENDM

        FBANKS 16, 0

; F8 (8K): two 4K banks, picked by touching $FF8 (bank 0) or $FF9 (bank 1);
; reads and writes both switch, and any mirror of the cart space does.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 1: F8 carts start in their last bank
        lda $FFF8
        RECORD BankID   ; 0
        sta $FFF9
        RECORD BankID   ; 1: a write switches too
        lda $1FF8
        RECORD BankID   ; 0: through the $1000 mirror
        lda $FFF7
        RECORD BankID   ; 0: the byte below the hot spots does nothing
        sta $FFF9
        RECORD BankID   ; 1
        ldx #$F9
        lda $FFFF,x     ; reads $00F8; the chip first reads the uncarried $FFF8,
        RECORD BankID   ; 1: a dummy read ALE's CPU does not make, so no switch
        jmp .
        ENDM

        FBANKS 2, 0

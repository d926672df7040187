; F6 (16K): four 4K banks, hot spots $FF6-$FF9.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 0: ALE's F6 starts in bank 0
        lda $FFF9
        RECORD BankID   ; 3
        sta $FFF7
        RECORD BankID   ; 1
        bit $FFF8
        RECORD BankID   ; 2
        lda $FFF6
        RECORD BankID   ; 0
        jmp .
        ENDM

        FBANKS 4, 0

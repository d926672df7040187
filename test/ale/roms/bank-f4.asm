; F4 (32K): eight 4K banks, hot spots $FF4-$FFB.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 0: ALE's F4 starts in bank 0
        lda $FFFB
        RECORD BankID   ; 7
        sta $FFF5
        RECORD BankID   ; 1
        lda $3FF9
        RECORD BankID   ; 5: through the $3000 mirror
        lda $FFF4
        RECORD BankID   ; 0
        jmp .
        ENDM

        FBANKS 8, 0

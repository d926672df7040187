; UA (8K): two 4K banks picked by an access to $220 (bank 0) or $240
; (bank 1), addresses outside the cart that the TIA sees as well.
        processor 6502
        include "banks.h"

        MAC PROGRAM
        INIT
        RECORD BankID   ; 0
        lda #0          ; $240 is also the TIA's VSYNC: keep it off
        sta $0240
        RECORD BankID   ; 1: a write switches
        lda $2220
        RECORD BankID   ; 0: a read through a mirror switches
        jmp .
        ENDM

        FBANKS 2, 0

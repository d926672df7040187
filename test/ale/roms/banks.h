; Shared by the bank-switching test ROMs. Each program appends what it sees
; to a list in RIOT RAM from $80 (Y is the list's length), and is built the
; same in every bank, so execution carries on straight through a switch.

        MAC RECORD      ; appends the byte at address {1}
        lda {1}
        sta $0080,y
        iny
        ENDM

        include "vcs.h"

        MAC INIT        ; a clean start; the list begins empty
        CLEAN_START
        ldy #0
        ENDM

; Schemes with whole 4K banks (F8, F6, F4, Superchip, FA, UA): every bank
; at $F000, its number at BankID, the program from BankCode, after room for
; up to 512 bytes of cart RAM.
BankID  = $F200
BankCode = $F201

        MAC FBANK       ; {1}: bank number; {2}: bytes of cart RAM (0, 256 or 512)
        org {1} * $1000
        rorg $F000
        IF {2}
        ds {2}, $FF     ; the cart RAM's range: blank, which auto-detection takes for Superchip
        ds $200 - {2}, 0
        ELSE
        .byte $EA       ; and without RAM, a first page that is not blank
        ds $1FF, 0
        ENDIF
        .byte {1}
        PROGRAM
        org {1} * $1000 + $FFC
        rorg $FFFC
        .word BankCode, BankCode
        ENDM

        MAC FBANKS      ; {1} banks of FBANK, each with {2} bytes of cart RAM
BANKNUM SET 0
        REPEAT {1}
        FBANK BANKNUM, {2}
BANKNUM SET BANKNUM + 1
        REPEND
        ENDM

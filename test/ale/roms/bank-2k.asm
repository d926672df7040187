; A 2K cart: the image shows in both halves of the 4K window.
        processor 6502
        include "banks.h"

        org $0000
        rorg $F800
Start   INIT
        RECORD ID       ; $2C
        RECORD ID - $800 ; $2C: the same byte through the lower half
        jmp .
ID      .byte $2C
        org $07FC
        rorg $FFFC
        .word Start, Start

; FE (8K, Activision): two 4K banks; in ALE's model address line A13 picks
; the bank, so bank 0 answers at $F000-$FFFF and bank 1 at $D000-$DFFF, and
; a JSR into $Dxxx runs bank 1 until its RTS returns to $Fxxx. Each bank has
; its ID ($F0 + bank number) at offset $800.
        processor 6502
        include "banks.h"

        org $0000
        rorg $F000
Start   INIT
        RECORD $F800    ; $F0
        RECORD $D800    ; $F1
        jsr $D000       ; JSR $D000; DEC $C5: the pattern auto-detection looks for
        dec $C5
        RECORD $F800    ; $F0: back in bank 0
        jmp .

        org $0800
        rorg $F800
        .byte $F0
        org $0FFC
        rorg $FFFC
        .word Start, Start

        org $1000
        rorg $D000
        RECORD $D800    ; $F1: running in bank 1
        rts
        org $1800
        rorg $D800
        .byte $F1
        org $1FFC
        rorg $DFFC
        .word Start, Start

; PAL frames (4K) of 312 lines each (even, so no colour loss) whose
; background changes every line: line n after VSYNC has COLUBK = 2n mod 256.
; Power-on's probe takes the cart for PAL, so ALE shows 250 rows, each a
; different colour from the rows next to it: a picture whose shrink to 84x84
; depends on exactly which rows the screen holds.
        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START
Frame   FRAME_SYNC      ; the frame ends here (3 + 309 lines after the last)
        ldx #0
.a      sta WSYNC
        txa
        asl
        sta COLUBK      ; cycle 7 of the line: still in the horizontal blank
        inx
        cpx #155
        bne .a
        ldy #153
.b      sta WSYNC
        txa
        asl
        sta COLUBK
        inx
        dey
        bne .b
        jmp Frame

        org $FFFC
        .word Start, Start

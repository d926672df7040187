; PAL frames (4K): 313 and 314 lines in turn, every line background $44
; with VBLANK off. Power-on's probe counts more than 285 lines a frame and
; takes the cart for PAL: ALE then shows 250 rows instead of 210, and after
; each frame with an odd number of lines the TIA's colours lose their
; colour (palette index | 1) for the next frame.
        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START
        lda #$44
        sta COLUBK
Frame   FRAME_SYNC      ; the frame ends here (3 + 310 or 311 lines after the last)
        ldx #155
.a      sta WSYNC
        dex
        bne .a
        ldx #154
.b      sta WSYNC
        dex
        bne .b
        inc $80
        lda $80
        lsr
        bcc Frame
        sta WSYNC       ; every other frame one line more
        jmp Frame

        org $FFFC
        .word Start, Start

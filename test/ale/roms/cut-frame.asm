; Cut-frame test ROM (4K): one short frame, then a frame that the program
; never ends, so ALE cuts it after 25,000 instructions. The cut frame shows
; what the picture had been brought up to date to by the TIA accesses made
; so far (nothing is drawn at the cut itself): here the last is a write of
; the value COLUBK already holds, on line 100, which must still draw lines
; 34 (the screen's first) to 99 in the background colour; the lines after
; it stay as the buffer was (zero since the reset). The cut frames run far
; past 285 lines, so the power-on probe calls the cart PAL: after the first
; frame's 3 lines (odd) the colour shows as $44 | 1 = $45.

        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START
        lda #2
        sta VSYNC
        sta WSYNC
        sta WSYNC
        sta WSYNC
        lda #0
        sta VSYNC               ; ALE ends its first frame here

        lda #$44
        sta COLUBK              ; line 3: before the screen, nothing to draw
        ldx #100
Lines   sta WSYNC
        dex
        bne Lines
        sta COLUBK              ; line 100: the value it already holds
Hang    jmp Hang

        org $FFFC
        .word Start
        .word Start

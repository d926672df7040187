; E7 (16K, M Network): eight 2K slices. $F000-$F7FF shows slice 0-6 (hot
; spots $FE0-$FE6) or, after $FE7, 1K of RAM (written at $F000-$F3FF, read
; at $F400-$F7FF); $F800-$FFFF shows slice 7, whose first 512 bytes are a
; 256-byte RAM bank (written at $F800-$F8FF, read at $F900-$F9FF) picked by
; $FE8-$FEB. Slices 0-6 start with their ID, $70 + slice number.
        processor 6502
        include "banks.h"

SLICE   SET 0
        REPEAT 7
        org SLICE * $800
        .byte $70 + SLICE
SLICE   SET SLICE + 1
        REPEND

        org $3800
        rorg $F800
        ds $200, $FF    ; the RAM window's range: blank, which auto-detection looks for
Start   INIT
        RECORD $F000    ; $70: slice 0 at reset
        lda $FFE3
        RECORD $F000    ; $73
        sta $FFE6
        RECORD $F000    ; $76: a write switches too
        lda $FFE7       ; the 1K RAM
        lda #$99
        sta $F012
        RECORD $F412    ; $99
        lda $FFE9       ; 256-byte RAM bank 1
        lda #$11
        sta $F805
        lda $FFEA       ; bank 2
        lda #$22
        sta $F805
        RECORD $F905    ; $22
        lda $FFE9
        RECORD $F905    ; $11: bank 1 kept its byte
        lda $FFE1
        RECORD $F000    ; $71: slices again
        jmp .

        org $3FFC
        rorg $FFFC
        .word Start, Start

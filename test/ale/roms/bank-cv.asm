; CV (2K, CommaVid): the ROM at $F800-$FFFF and 1K of RAM, read at
; $F000-$F3FF and written at $F400-$F7FF; the write port reads the ROM's
; bytes $400-$7FF, i.e. what $FC00-$FFFF shows.
        processor 6502
        include "banks.h"

        org 0
        rorg $F800
Start   INIT
        ldx #$12
        lda #$99
        sta $F3FF,x     ; $F411 (STA $F3FF,X is what auto-detection looks for)
        RECORD $F011    ; $99
        RECORD $F400    ; $C1: the ROM byte at $FC00
        lda #$33
        sta $F011       ; the read port is not writable
        RECORD $F011    ; $99
        jmp .

        org $400
        rorg $FC00
        .byte $C1

        org $7FC
        rorg $FFFC
        .word Start, Start

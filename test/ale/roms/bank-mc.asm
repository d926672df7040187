; MC (128K, Megacart): the window is four 1K slots; a write of block n to
; $3C-$3F (slot 0-3) shows ROM block n & $7F there if n >= $80, else 512
; bytes of RAM (block n & $3F), written in the slot's first half and read
; in its second. From the reset vector fetch until the program touches
; $F000-$FBFF, slot 3 shows the last ROM block, where the program lives.
; ROM block b starts with its number. The cart owns $00-$3F: the registers
; are written with absolute STA (two zero-page STA $3F would look like a
; 3F cart to auto-detection).
        processor 6502
        include "banks.h"

BLOCK   SET 0
        REPEAT 127
        org BLOCK * $400
        .byte BLOCK
BLOCK   SET BLOCK + 1
        REPEND

        org $1FC00
        rorg $FC00
        .byte $7F
Start   INIT
        RECORD $FC00    ; $7F: slot 3 after the reset vector
        lda #$FF
        sta.w $3F       ; keep the program's block in slot 3 from now on
        lda #$85
        sta.w $3C
        RECORD $F000    ; $05: ROM block 5 in slot 0
        lda #$03
        sta.w $3D       ; RAM block 3 in slot 1
        lda #$5A
        sta $F405
        RECORD $F605    ; $5A through the read port
        lda #$43
        sta.w $3E       ; RAM block 3 ($43 & $3F) in slot 2 too
        RECORD $FA05    ; $5A
        RECORD $F405    ; $00: reading the write port gives 0 (as in ALE)...
        RECORD $F605    ; $00: ...and clears the byte
        RECORD $05      ; $00: reads of $00-$3F give 0 (as in ALE)
        lda #$01
        sta.w $3C       ; RAM block 1 in slot 0
        lda #$77
        sta $10         ; $00-$3B write slot 0's RAM, not the TIA (as in ALE)
        RECORD $F210    ; $77
        jmp .

        org $1FFFC
        rorg $FFFC
        .word Start, Start

; RIOT timer test ROM (4K): sets each interval register, then reads INTIM
; and TIMINT a known number of cycles later and keeps what it read in RAM.
; No WSYNC in between, so the cycle counts in the comments are exact:
; k = cycles from the timer write to the read (each access happens on the
; last cycle of its instruction, so k counts the reading instruction too).
; Branches here never cross a page (the code stays in $F000-$F0FF).

        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START

; TIM1T: one count per cycle.
        lda #100
        sta TIM1T
        lda INTIM               ; k = 4
        sta $80

; TIM8T either side of a prescaler step: k = 16, then k = 17.
        lda #100
        sta TIM8T
        SLEEP 12
        lda INTIM               ; k = 12 + 4 = 16
        sta $81
        lda #100
        sta TIM8T
        SLEEP 13
        lda INTIM               ; k = 13 + 4 = 17
        sta $82

; TIM64T over a counted loop: 2 + 100 * 5 - 1 = 501 cycles.
        lda #10
        sta TIM64T
        ldx #100
Wait64  dex
        bne Wait64
        lda INTIM               ; k = 501 + 4 = 505
        sta $83

; T1024T over two nested loops: 2 + 4 * (2 + 256 * 5 - 1 + 2 + 3) - 1 = 5145 cycles.
        lda #10
        sta T1024T
        ldy #4
Outer   ldx #0
Inner   dex
        bne Inner
        dey
        bne Outer
        lda INTIM               ; k = 5145 + 4 = 5149
        sta $84

; Underflow: TIM1T = 5 reaches zero at k = 5.
        lda #5
        sta TIM1T
        lda TIMINT              ; k = 4: still counting
        sta $85
        lda TIMINT              ; k = 11: past zero, the flag is up
        sta $86
        lda INTIM               ; k = 18: the first INTIM read after the underflow
        sta $87
        lda TIMINT              ; k = 25: that read cleared the flag
        sta $88
        lda INTIM               ; k = 32
        sta $89

; A polling loop as games write it (9 cycles a pass): how many passes
; until TIM64T = 3 reads zero.
        lda #3
        sta TIM64T
        ldx #0
Poll    inx
        lda INTIM               ; k = 6 + 9 * (pass - 1)
        bne Poll
        stx $8A

Done    jmp Done

        org $FFFC
        .word Start
        .word Start

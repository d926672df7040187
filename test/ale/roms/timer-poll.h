; Timer-polling loops as games write them: `LDA/LDX/LDY INTIM` and a branch
; back to it (BNE, BPL, BMI), with a branch out and a compare on the way
; (galaxian), or with a pass counter in RAM before the load (darkchambers),
; which the emulator may run many passes of in one step. Frame 2 runs them as
; written; frame 3 runs the same program with LAX abs ($AF) in place of each
; load: the same length, cycles, read cycle and flags, and the loaded value in
; A and X, but not a loop the emulator recognises. The two frames must leave
; the same machine: each loop starts on a $44 background and ends by writing
; the value it ended with to COLUBK (the row and pixel where the colour
; changes give the cycle the loop ended on), and P is kept in RAM, $80-$8A in
; frame 2 and $90-$9A in frame 3, loop 8's pass count in $A0 and $A1.
; Assembled with -DONLY=k, frame 2 polls with its own load in loop k alone.
;
; Each copy of the program starts at the same offset in its 2K half, so the
; copies cross pages at the same places and take the same cycles. Shared by
; timer-poll.asm (4K) and timer-poll-fe.asm (the same in Activision's FE).

        include "vcs.h"

Copy    = $F0                   ; 0 in frame 2, 1 in frame 3

        MAC PLACE               ; {1}: where the next byte goes, as an offset in the 4K bank
        org IMAGE_BASE + {1}
        rorg CODE_BASE + {1}
        ENDM

        IFNCONST ONLY           ; assembled with -DONLY=k, only loop k polls with its own load
ONLY    = $FF
        ENDIF

        MAC LOAD                ; {1}: the load's opcode, {2}: the loop's number; LAX in the reference copy
        IF REFERENCE || (ONLY != $FF && ONLY != {2})
        .byte $AF
        ELSE
        .byte {1}
        ENDIF
        .word INTIM
        ENDM

        MAC SHOW                ; {1}: the store of the loaded register; {2}: the loop's number
        IF REFERENCE
        stx COLUBK
        ELSE
        {1} COLUBK
        ENDIF
        php
        pla
        sta $80 + REFERENCE * 16 + {2}
        ENDM

        MAC BEGIN               ; a new line on a $44 background, C clear
        sta WSYNC
        clc
        lda #$44
        sta COLUBK
        ENDM

        MAC PROGRAM
        SUBROUTINE
        lda #0
        sta VBLANK
        ldx #40                 ; down into the rows ALE shows
.down   sta WSYNC
        dex
        bne .down

; 0: TIM8T 30, LDA / BNE until it reads zero.
        BEGIN
        SLEEP 20                ; (each loop ends in the visible part of a line)
        lda #30
        sta TIM8T
.poll0  LOAD $AD, 0
        bne .poll0
        SHOW sta, 0

; 1: TIM1T 100, LDX / BPL until it has run out (past zero it reads $FF,
; then, from the first read two counts past zero, ALE's count goes on).
        BEGIN
        lda #100
        sta TIM1T
.poll1  LOAD $AE, 1
        bpl .poll1
        SHOW stx, 1

; 2: TIM1T $C0, LDY / BMI until it drops below $80.
        BEGIN
        SLEEP 30
        lda #$C0
        sta TIM1T
.poll2  LOAD $AC, 2
        bmi .poll2
        SHOW sty, 2

; 3: TIM1T 10, run out before the loop starts; LDA / BNE until ALE's count
; after the underflow reads zero.
        BEGIN
        lda #10
        sta TIM1T
        SLEEP 24
.poll3  LOAD $AD, 3
        bne .poll3
        SHOW sta, 3

; 4: TIM8T 30, LDA / BNE, the branch crossing back into the page before
; (a cycle more a pass).
        BEGIN
        jmp .go4
        PLACE PROGRAM_BASE + $2F0
.go4    lda #30
        sta TIM8T
        nop
        nop
        nop
        nop
        nop
        nop
.poll4  LOAD $AD, 4             ; at $xxFB, the first offset whose loop crosses
        bne .poll4
        SHOW sta, 4

; 5: TIM1T 60, LDX / BPL across the page, through the underflow.
        BEGIN
        SLEEP 30
        jmp .go5
        PLACE PROGRAM_BASE + $3F5
.go5    lda #60
        sta TIM1T
        nop
        nop
        nop
.poll5  LOAD $AE, 5             ; at $xxFD
        bpl .poll5
        SHOW stx, 5

; 6: TIM64T 10, galaxian's loop: LDA, out on zero, round again while below $25.
        BEGIN
        SLEEP 44
        lda #10
        sta TIM64T
.poll6  LOAD $AD, 6
        beq .out6
        cmp #$25
        bcc .poll6
.out6   SHOW sta, 6

; 7: TIM64T 10, LDX, compare first, out once the count has run out to $F0 or
; more, round again while the compare leaves N clear (below $70).
        BEGIN
        lda #10
        sta TIM64T
.poll7  LOAD $AE, 7
        cpx #$F0
        bcs .out7
        bpl .poll7
.out7   SHOW stx, 7

; 8: TIM64T 10, darkchambers' loop: counting the passes in RAM, LDA / BNE.
        BEGIN
        SLEEP 34
        lda #0
        sta $A0 + REFERENCE
        lda #10
        sta TIM64T
.poll8  inc $A0 + REFERENCE
        LOAD $AD, 8
        bne .poll8
        SHOW sta, 8

; 9: TIM64T 10, LDA, compare, round again while at or above 5. The NOP puts
; a pass's read on the very cycle the count drops out of a range of values the
; emulator skips through at once (the edge of its pass counting).
        BEGIN
        SLEEP 20
        lda #10
        sta TIM64T
        nop
.poll9  LOAD $AD, 9
        cmp #5
        bcs .poll9
        SHOW sta, 9

; 10: TIM8T $90, LDA, compare to $F0, round again while that leaves N set
; ($70-$EF).
        BEGIN
        SLEEP 54
        lda #$90
        sta TIM8T
.poll10 LOAD $AD, 10
        cmp #$F0
        bmi .poll10
        SHOW sta, 10

        lda #0                  ; the next frame starts on black, as the first did
        sta COLUBK
        jmp Frame
        ENDM

        MAC TIMER_POLL          ; the whole 4K bank, at IMAGE_BASE in the file and CODE_BASE in the address space
        PLACE 0
Start   CLEAN_START
        lda #0
        sta Copy
Frame   FRAME_SYNC
        lda Copy
        bne Second
        inc Copy
        jmp CODE_BASE + $100
Second  jmp CODE_BASE + $900

PROGRAM_BASE SET $100
REFERENCE SET 0
        PLACE PROGRAM_BASE
        PROGRAM

PROGRAM_BASE SET $900
REFERENCE SET 1
        PLACE PROGRAM_BASE
        PROGRAM

        PLACE $FFC
        .word Start
        .word Start
        ENDM

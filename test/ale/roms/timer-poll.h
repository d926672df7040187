; Timer-polling loops as games write them: `LDA/LDX/LDY INTIM` and a `BNE`,
; `BPL` or `BMI` back to it, which the emulator may run many passes of in one
; step. Frame 2 runs them as written; frame 3 runs the same program with LAX
; abs ($AF) in place of each load: the same length, cycles, read cycle and
; flags, and the loaded value in X, but not a loop the emulator recognises.
; The two frames must leave the same machine: each loop starts on a $44
; background and ends by writing the value it ended with to COLUBK (the row
; and pixel where the colour changes give the cycle the loop ended on), and
; P is kept in RAM, $80-$85 in frame 2 and $88-$8D in frame 3.
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

        MAC LOAD                ; {1}: the load's opcode; LAX in the reference copy
        IF REFERENCE
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
        sta $80 + REFERENCE * 8 + {2}
        ENDM

        MAC BEGIN               ; a new line on a $44 background
        sta WSYNC
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
.poll0  LOAD $AD
        bne .poll0
        SHOW sta, 0

; 1: TIM1T 100, LDX / BPL until it has run out (past zero it reads $FF,
; then, from the first read two counts past zero, ALE's count goes on).
        BEGIN
        lda #100
        sta TIM1T
.poll1  LOAD $AE
        bpl .poll1
        SHOW stx, 1

; 2: TIM1T $C0, LDY / BMI until it drops below $80.
        BEGIN
        SLEEP 30
        lda #$C0
        sta TIM1T
.poll2  LOAD $AC
        bmi .poll2
        SHOW sty, 2

; 3: TIM1T 10, run out before the loop starts; LDA / BNE until ALE's count
; after the underflow reads zero.
        BEGIN
        lda #10
        sta TIM1T
        SLEEP 24
.poll3  LOAD $AD
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
.poll4  LOAD $AD                ; at $xxFB, the first offset whose loop crosses
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
.poll5  LOAD $AE                ; at $xxFD
        bpl .poll5
        SHOW stx, 5

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

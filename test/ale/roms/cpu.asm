; CPU test ROM (4K): each block leaves a result in RIOT RAM at a fixed
; address, so the test can check the 6502's arithmetic, flags, addressing
; modes and the stable undocumented opcodes against values worked out by hand.
; Flags are captured with PHP/PLA (which always shows B and bit 5 set).

        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START             ; I stays set: part of every captured P

; Binary ADC: $7F + $01 crosses into negative: signed overflow, no carry.
        clc
        lda #$7F
        adc #$01
        sta $80
        php
        pla
        sta $81

; Binary SBC: $D0 - $70 (= -48 - 112) overflows the signed range; no borrow.
        sec
        lda #$D0
        sbc #$70
        sta $82
        php
        pla
        sta $83

; Decimal ADC with carry in: 58 + 46 + 1 = 105, so 05 with a decimal carry.
        sed
        sec
        lda #$58
        adc #$46
        sta $84
        lda #0
        rol                     ; ROL is binary even in decimal mode: A = carry
        sta $85

; Decimal SBC: 32 - 17 = 15, then 12 - 21 borrows (100 - 9 = 91).
        sec
        lda #$32
        sbc #$17
        sta $86
        sec
        lda #$12
        sbc #$21
        sta $87
        lda #0
        rol
        sta $88                 ; the borrow: carry clear
        cld

; A backward branch loop: ten times three.
        ldx #10
        lda #0
.add3   clc
        adc #3
        dex
        bne .add3
        sta $89

; The stack: two pushes and the JSR's two-byte return address take S from $FF to $FB.
        lda #$AB
        pha
        lda #$CD
        pha
        jsr ReadS
        pla
        sta $8B                 ; last in, first out: $CD
        pla
        sta $8C

; Indexed modes over a table of single bits.
        ldx #7
        lda Bits,x
        ldy #3
        ora Bits,y
        sta $8D
        lda #<Bits
        sta $8E
        lda #>Bits
        sta $8F
        ldy #5
        lda ($8E),y             ; (zp),Y: Bits[5]
        sta $90
        ldx #2
        lda ($8C,x)             ; (zp,X) reads the pointer at $8E: Bits[0]
        sta $91
        ldx #$91
        lda $FF,x               ; zp,X wraps in page zero: $FF + $91 -> $90
        sta $92

; Shifts: LSR drops bit 0 into carry, ROR brings it back in at the top.
        lda #$81
        lsr
        ror
        sta $93

; Undocumented opcodes that behave the same on every 6507.
        lda #$3C
        sta $94
        lax $94                 ; LAX: A and X both load $3C
        lda #$F0
        sax $95                 ; SAX: stores A AND X = $30
        stx $96                 ; X still holds LAX's value
        lda #$05
        sta $97
        lda #$04
        clv
        dcp $97                 ; DCP: $97 becomes 4, then CMP: equal, carry set
        php
        pla
        sta $98
        lda #$0F
        sta $99
        sec
        lda #$20
        isb $99                 ; ISC (dasm: ISB): $99 becomes $10, A = $20 - $10
        sta $9A

Done    jmp Done

ReadS   tsx
        stx $8A
        rts

Bits    .byte $01, $02, $04, $08, $10, $20, $40, $80

        org $FFFC
        .word Start
        .word Start

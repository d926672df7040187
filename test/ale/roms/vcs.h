; Register names of the 2600's TIA and RIOT (addresses from the chips' data
; sheets; only what our test ROMs use), and the macros they share.

; TIA writes
VSYNC   = $00
VBLANK  = $01
WSYNC   = $02
NUSIZ0  = $04
COLUP0  = $06
COLUPF  = $08
COLUBK  = $09
CTRLPF  = $0A
PF0     = $0D
PF1     = $0E
PF2     = $0F
RESP0   = $10
RESM0   = $12
RESBL   = $14
GRP0    = $1B
ENAM0   = $1D
ENABL   = $1F
HMOVE   = $2A
HMCLR   = $2B
CXCLR   = $2C

; TIA reads (collision latches report in bits 7 and 6)
CXM0P   = $00
CXP0FB  = $02
CXM0FB  = $04
CXBLPF  = $06
CXPPMM  = $07

; RIOT
SWCHA   = $280
INTIM   = $284
TIMINT  = $285
TIM1T   = $294
TIM8T   = $295
TIM64T  = $296
T1024T  = $297

        MAC CLEAN_START ; interrupts off, binary mode, an empty stack
        sei
        cld
        ldx #$FF
        txs
        ENDM

        ; ends the line, then VSYNC on for three whole lines: ALE ends its frame
        ; as VSYNC goes off (a few cycles into the fourth line)
        MAC FRAME_SYNC
        lda #2
        sta WSYNC
        sta VSYNC
        sta WSYNC
        sta WSYNC
        sta WSYNC
        lda #0
        sta VSYNC
        ENDM

        ; {1} cycles of delay (at least 2): NOPs, and one BIT zp for an odd count
        MAC SLEEP
        IF {1} & 1
        bit $80
        REPEAT ({1} - 3) / 2
        nop
        REPEND
        ELSE
        REPEAT {1} / 2
        nop
        REPEND
        ENDIF
        ENDM

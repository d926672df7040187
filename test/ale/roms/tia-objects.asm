; TIA objects test ROM (4K): a steady 262-line NTSC frame (3 VSYNC, 38
; VBLANK, 192 picture, 29 overscan lines) showing a playfield, player 0,
; missile 0 and the ball, placed during VBLANK by RESxx strobes at known
; cycles; the playfield is plain in the top 96 picture lines and reflected
; in the bottom 96. Collisions are read in the overscan into RAM.
;
; Where things land (TIA timing: 68 clocks of HBLANK, 3 colour clocks per
; CPU cycle, a strobe takes effect at the clock of the write's last cycle c;
; players start 5 clocks after it, missiles and the ball 4):
;   RESP0 at c = 40: 3 * 40 - 68 + 5 = 57  GRP0 %10100101: pixels 57, 59, 62, 64
;   RESM0 at c = 46: 3 * 46 - 68 + 4 = 74  4 wide (NUSIZ0 $20): 74-77
;   RESBL at c = 58: 3 * 58 - 68 + 4 = 110 4 wide (CTRLPF $20): 110-113
; Playfield bits are 4-pixel columns: PF0 bits 4-7 are columns 0-3, PF1
; bits 7-0 columns 4-11, PF2 bits 0-7 columns 12-19; the right half repeats
; them (columns 20-39), or mirrors them (column 39 - n) when reflected.
;   PF0 $10 -> column 0, PF1 $40 -> column 5, PF2 $80 -> column 19.
; Missile 0 overlaps the playfield's column 19 (76-79): a collision, and the
; missile shows on top (players and missiles have priority by default).

        processor 6502
        include "vcs.h"

        seg code
        org $F000

Start   CLEAN_START
        lda #$00
        sta COLUBK
        lda #$44
        sta COLUPF
        lda #$1E
        sta COLUP0
        lda #$20                ; one single-width player, a 4-wide missile
        sta NUSIZ0
        lda #%10100101
        sta GRP0
        lda #2
        sta ENAM0
        sta ENABL
        lda #$10
        sta PF0
        lda #$40
        sta PF1
        lda #$80
        sta PF2

Frame   lda #2
        sta VSYNC
        sta WSYNC
        sta WSYNC
        sta WSYNC
        lda #0
        sta VSYNC               ; ALE ends its frame here
        lda #2
        sta VBLANK
        sta CXCLR

        sta WSYNC               ; each strobe starts a line at cycle 0
        SLEEP 37
        sta RESP0               ; ends on cycle 40
        sta WSYNC
        SLEEP 43
        sta RESM0               ; ends on cycle 46
        sta WSYNC
        SLEEP 55
        sta RESBL               ; ends on cycle 58

        ldx #34
VBlank  sta WSYNC
        dex
        bne VBlank
        lda #$20                ; 4-wide ball, playfield not reflected
        sta CTRLPF
        lda #0
        sta WSYNC
        sta VBLANK

        ldx #96
Top     sta WSYNC
        dex
        bne Top
        lda #$21                ; reflected from here down
        sta CTRLPF
        ldx #96
Bottom  sta WSYNC
        dex
        bne Bottom

        lda #2
        sta VBLANK
        lda CXM0FB              ; the low bits are the data bus's: keep the latches
        and #$C0
        sta $80
        lda CXP0FB
        and #$C0
        sta $81
        lda CXBLPF
        and #$C0
        sta $82
        ldx #29
Over    sta WSYNC
        dex
        bne Over
        jmp Frame

        org $FFFC
        .word Start
        .word Start

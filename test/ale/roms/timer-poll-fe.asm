; Timer-polling loops (timer-poll.h) in Activision's FE (8K): in ALE's model
; address line A13 picks the bank, and the program runs from bank 1 at
; $D000-$DFFF, so its loops' bytes are not where bank 0 would put them. Bank 0
; ($F000) holds the reset vector and the JSR $D000; DEC $C5 that ALE's
; auto-detection looks for.
        processor 6502
        include "timer-poll.h"

        seg code
        org $0000
        rorg $F000
        jsr $D000
        dec $C5
        org $0FFC
        rorg $FFFC
        .word Start, Start

IMAGE_BASE = $1000
CODE_BASE = $D000
        TIMER_POLL

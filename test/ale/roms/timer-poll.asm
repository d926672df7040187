; Timer-polling loops in a plain 4K cart: see timer-poll.h.
        processor 6502
        include "timer-poll.h"

        seg code
IMAGE_BASE = 0
CODE_BASE = $F000
        TIMER_POLL

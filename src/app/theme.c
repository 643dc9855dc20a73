/*
 * theme.c - the palette (contrast ratios noted against white, WCAG 2.1).
 */
#include "theme.h"

const Theme theme = {
    .bg = {236, 240, 244, 255},
    .panel = {255, 255, 255, 255},
    .panel_alt = {244, 247, 250, 255},
    .border = {120, 134, 150, 255},      /* 3.8:1: outlines of fields */
    .text = {20, 32, 43, 255},           /* 16:1 */
    .text_muted = {62, 76, 89, 255},     /* 9:1 */
    .topbar = {14, 58, 92, 255},
    .on_topbar = {255, 255, 255, 255},   /* 11:1 on the top bar */
    .primary = {10, 82, 155, 255},       /* white on it: 7.6:1 */
    .primary_hover = {18, 98, 180, 255},
    .on_primary = {255, 255, 255, 255},
    .focus = {214, 104, 0, 255},
    .ok = {22, 110, 48, 255},            /* 6.5:1 */
    .ok_bg = {225, 243, 230, 255},
    .partial = {140, 85, 0, 255},        /* 5.9:1 */
    .partial_bg = {253, 240, 214, 255},
    .fail = {178, 34, 34, 255},          /* 6.6:1 */
    .fail_bg = {252, 228, 228, 255},
    .scene_bg = {226, 232, 238, 255},
};

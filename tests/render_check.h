/*
 * render_check.h - running "fibresim screenshot --check" and reading its PNG
 * back, for the tests that check a screen from the outside (test_render.c,
 * test_render_splice.c, test_instructor_render.c). Header-only and included
 * after check.h: its CHECKs count in the test.
 */
#ifndef FIBRESIM_TEST_RENDER_CHECK_H
#define FIBRESIM_TEST_RENDER_CHECK_H

#include <stb_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Runs cmd, a "fibresim screenshot --check ... 2>&1" command line, echoing
 * what it prints, and checks that it exits 0 and reports "text overflow: 0".
 * false if the command could not be started. */
static inline bool render_screenshot(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    CHECK(p != NULL);
    if (!p) {
        return false;
    }
    char line[1024];
    bool saw_zero = false;
    while (fgets(line, sizeof line, p)) {
        fputs(line, stdout);
        if (strstr(line, "text overflow: 0,")) saw_zero = true;
    }
    int rc = pclose(p);
    CHECK_MSG(rc == 0, "screenshot exit status %d", rc);
    CHECK_MSG(saw_zero, "the command did not report \"text overflow: 0\"");
    return true;
}

/* The PNG at path as RGB bytes, rows top down (owned: stbi_image_free), its
 * size in *w, *h, checked to be want_w x want_h; NULL (checked) if it
 * cannot be read. */
static inline unsigned char *render_load(const char *path, int want_w, int want_h, int *w, int *h)
{
    int n = 0;
    *w = *h = 0;
    unsigned char *px = stbi_load(path, w, h, &n, 3);
    CHECK_MSG(px != NULL, "cannot read %s back", path);
    if (!px) {
        return NULL;
    }
    CHECK_MSG(*w == want_w && *h == want_h, "%s is %dx%d, expected %dx%d", path, *w, *h, want_w, want_h);
    return px;
}

#endif

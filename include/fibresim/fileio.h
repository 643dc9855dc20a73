/*
 * fileio.h - reading a whole file into memory with a size limit.
 *
 * Used by the record reader, the journal (to compare a record already on disk
 * with the one being written) and the tools. The limit is checked on the file
 * size before anything is read, so a huge or hostile file costs nothing.
 */
#ifndef FIBRESIM_FILEIO_H
#define FIBRESIM_FILEIO_H

#include <stddef.h>

/* Reads path into an owned, NUL-terminated buffer (the NUL is not counted in
 * *len). Returns NULL and sets *err_no (errno value; EFBIG when the file is
 * above max_bytes, EISDIR for a folder) on failure. */
char *fs_read_file(const char *path, size_t max_bytes, size_t *len /* OUT */, int *err_no /* OUT */);

#endif

/*
 * settings.c - reading and writing settings.json (see settings.h).
 */
#include "settings.h"

#include <SDL.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "paths.h"

void settings_defaults(AppSettings *s)
{
    memset(s, 0, sizeof *s);
    fs_strlcpy(s->lang, "fr", sizeof s->lang);
}

float settings_text_scale(int text_size)
{
    static const float scales[SETTINGS_TEXT_SIZES] = {1.0f, 1.15f, 1.3f};
    return text_size >= 0 && text_size < SETTINGS_TEXT_SIZES ? scales[text_size] : 1.0f;
}

void settings_load(AppSettings *s, const char *data_dir)
{
    settings_defaults(s);
    char path[PATHS_MAX + 32];
    snprintf(path, sizeof path, "%s/settings.json", data_dir);
    size_t len = 0;
    char *text = SDL_LoadFile(path, &len);
    if (!text) {
        return;
    }
    cJSON *root = len < 64 * 1024 ? cJSON_ParseWithLength(text, len) : NULL;
    SDL_free(text);
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(root, "lang");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(root, "text_size");
    const cJSON *fs = cJSON_GetObjectItemCaseSensitive(root, "fullscreen");
    if (cJSON_IsString(lang) && (strcmp(lang->valuestring, "fr") == 0 || strcmp(lang->valuestring, "en") == 0)) {
        fs_strlcpy(s->lang, lang->valuestring, sizeof s->lang);
    }
    if (cJSON_IsNumber(size) && size->valuedouble >= 0 && size->valuedouble < SETTINGS_TEXT_SIZES) {
        s->text_size = (int)size->valuedouble;
    }
    if (cJSON_IsBool(fs)) {
        s->fullscreen = cJSON_IsTrue(fs);
    }
    if (!root) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s is not valid JSON: default settings used", path);
    }
    cJSON_Delete(root);
}

bool settings_save(const AppSettings *s, const char *data_dir, char *err, size_t err_n)
{
    char path[PATHS_MAX + 32], text[160];
    snprintf(path, sizeof path, "%s/settings.json", data_dir);
    int n = snprintf(text, sizeof text, "{\"lang\":\"%s\",\"text_size\":%d,\"fullscreen\":%s}\n", s->lang,
                     s->text_size, s->fullscreen ? "true" : "false");
    return journal_write_file_atomic(path, text, (size_t)n, err, err_n) == JOURNAL_OK;
}

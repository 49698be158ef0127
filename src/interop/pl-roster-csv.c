/* pl-roster-csv.c — a streaming CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-roster-csv.h"
#include "pl-roster-error.h"

#define BUFFER_SIZE 65536

struct _PlRosterCsv
{
  char                *file_name;
  PlRosterCsvReadFunc  read_func;
  gpointer             user_data;
  GInputStream        *stream;
  char                 delimiter;

  guchar              *buffer;
  gsize                len;
  gsize                pos;
  gboolean             eof;
  gboolean             started;

  guint                line;          /* line of the next byte */
  guint                record_line;   /* line the current record starts on */
  GString             *cell;
  GPtrArray           *cells;         /* char *, owned */

  GPtrArray           *header;        /* column names */
  GHashTable          *columns;       /* name → index + 1 */
  PlRosterProgress    *progress;      /* borrowed, or NULL */
};

static gssize
stream_read (gpointer   user_data,
             void      *buffer,
             gsize      count,
             GError   **error)
{
  return g_input_stream_read (G_INPUT_STREAM (user_data), buffer, count, NULL, error);
}

PlRosterCsv *
pl_roster_csv_new (const char           *file_name,
                   PlRosterCsvReadFunc   read_func,
                   gpointer              user_data,
                   char                  delimiter)
{
  PlRosterCsv *self = g_new0 (PlRosterCsv, 1);

  g_return_val_if_fail (read_func != NULL, NULL);

  self->file_name = g_strdup (file_name);
  self->read_func = read_func;
  self->user_data = user_data;
  self->delimiter = delimiter;
  self->buffer = g_malloc (BUFFER_SIZE);
  self->line = 1;
  self->cell = g_string_new (NULL);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
pl_roster_csv_set_progress (PlRosterCsv      *self,
                            PlRosterProgress *progress)
{
  g_return_if_fail (self != NULL);
  self->progress = progress;
}

PlRosterCsv *
pl_roster_csv_new_for_stream (const char   *file_name,
                              GInputStream *stream,
                              char          delimiter)
{
  PlRosterCsv *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = pl_roster_csv_new (file_name, stream_read, stream, delimiter);
  self->stream = g_object_ref (stream);
  return self;
}

void
pl_roster_csv_free (PlRosterCsv *self)
{
  if (self == NULL)
    return;
  g_free (self->file_name);
  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_string_free (self->cell, TRUE);
  g_ptr_array_unref (self->cells);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_free (self);
}

static gboolean
fill (PlRosterCsv  *self,
      GError      **error)
{
  gssize n;

  if (self->eof)
    return TRUE;
  /* Keep unread bytes (at most a few) at the front. */
  if (self->pos > 0)
    {
      memmove (self->buffer, self->buffer + self->pos, self->len - self->pos);
      self->len -= self->pos;
      self->pos = 0;
    }
  n = self->read_func (self->user_data, self->buffer + self->len, BUFFER_SIZE - self->len, error);
  if (n > 0)
    pl_roster_progress_add (self->progress, (guint64) n);
  if (n < 0)
    {
      if (error != NULL && *error != NULL && (*error)->domain != PL_ROSTER_ERROR &&
          !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(GError) inner = g_steal_pointer (error);

          pl_roster_set_error (error, PL_ROSTER_ERROR_FAILED, self->file_name, self->line, 0, NULL,
                               _("cannot read: %s"), inner->message);
        }
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->len += (gsize) n;
  return TRUE;
}

/* Returns the next byte, or -1 at the end, or -2 on error. */
static inline int
next_byte (PlRosterCsv  *self,
           GError      **error)
{
  if (self->pos >= self->len)
    {
      if (self->eof)
        return -1;
      self->pos = self->len = 0;
      if (!fill (self, error))
        return -2;
      if (self->len == 0)
        return -1;
    }
  return self->buffer[self->pos++];
}

static inline int
peek_byte (PlRosterCsv  *self,
           GError      **error)
{
  int c = next_byte (self, error);

  if (c >= 0)
    self->pos--;
  return c;
}

/* Looks at the first line for the delimiter and at the first bytes for a
 * byte order mark. */
static gboolean
start (PlRosterCsv  *self,
       GError      **error)
{
  self->started = TRUE;
  while (!self->eof && self->len < 4096)
    {
      gsize before = self->len;

      if (!fill (self, error))
        return FALSE;
      if (self->len == before)
        break;
    }

  if (self->len >= 2 && ((self->buffer[0] == 0xff && self->buffer[1] == 0xfe) ||
                         (self->buffer[0] == 0xfe && self->buffer[1] == 0xff)))
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_ENCODING, self->file_name, 1, 0, NULL,
                           _("the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and try again"));
      return FALSE;
    }
  if (self->len >= 3 && self->buffer[0] == 0xef && self->buffer[1] == 0xbb && self->buffer[2] == 0xbf)
    self->pos = 3;

  if (self->delimiter == 0)
    {
      guint commas = 0, semicolons = 0, tabs = 0;
      gboolean quoted = FALSE;

      for (gsize i = self->pos; i < self->len; i++)
        {
          guchar c = self->buffer[i];

          if (c == '"')
            quoted = !quoted;
          else if (!quoted && (c == '\n' || c == '\r'))
            break;
          else if (!quoted && c == ',')
            commas++;
          else if (!quoted && c == ';')
            semicolons++;
          else if (!quoted && c == '\t')
            tabs++;
        }
      if (semicolons > commas && semicolons >= tabs)
        self->delimiter = ';';
      else if (tabs > commas && tabs > semicolons)
        self->delimiter = '\t';
      else
        self->delimiter = ',';
    }
  return TRUE;
}

static void
push_cell (PlRosterCsv *self)
{
  g_ptr_array_add (self->cells, g_strndup (self->cell->str, self->cell->len));
  g_string_truncate (self->cell, 0);
}

enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN };

/* Reads one physical record (which quoted line breaks may spread over
 * several lines). Returns FALSE at the end or on error. */
static gboolean
read_record (PlRosterCsv  *self,
             gboolean     *out_blank,
             GError      **error)
{
  int state = FIELD_START;
  gboolean any = FALSE;
  gboolean was_quoted = FALSE;
  guint quote_line = 0;
  int c;

  g_ptr_array_set_size (self->cells, 0);
  g_string_truncate (self->cell, 0);
  self->record_line = self->line;

  for (;;)
    {
      c = next_byte (self, error);
      if (c == -2)
        return FALSE;
      if (c == -1)
        {
          if (state == QUOTED)
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_SYNTAX, self->file_name, quote_line,
                                   self->cells->len + 1, NULL,
                                   _("a quoted cell is never closed (the file may be cut short)"));
              return FALSE;
            }
          if (!any)
            return FALSE;
          push_cell (self);
          break;
        }

      if (state == QUOTED)
        {
          if (c == '"')
            state = QUOTE_SEEN;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (self->cell, (char) c);
            }
          continue;
        }

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && peek_byte (self, NULL) == '\n')
            self->pos++;
          self->line++;
          if (!any)
            {
              /* A blank line. */
              *out_blank = TRUE;
              return TRUE;
            }
          push_cell (self);
          break;
        }

      any = TRUE;
      if (c == self->delimiter)
        {
          push_cell (self);
          state = FIELD_START;
          continue;
        }

      switch (state)
        {
        case FIELD_START:
          if (c == '"')
            {
              state = QUOTED;
              was_quoted = TRUE;
              quote_line = self->line;
            }
          else
            {
              g_string_append_c (self->cell, (char) c);
              state = UNQUOTED;
            }
          break;
        case UNQUOTED:
          g_string_append_c (self->cell, (char) c);
          break;
        case QUOTE_SEEN:
          if (c == '"')
            {
              g_string_append_c (self->cell, '"');
              state = QUOTED;
            }
          else
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_SYNTAX, self->file_name, self->line,
                                   self->cells->len + 1, NULL,
                                   _("text after the closing quote of a cell"));
              return FALSE;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  *out_blank = (self->cells->len == 1 && !was_quoted &&
                *(const char *) self->cells->pdata[0] == '\0');
  return TRUE;
}

static gboolean
check_utf8 (PlRosterCsv  *self,
            GError      **error)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      const char *cell = self->cells->pdata[i];
      const char *end = NULL;

      if (!g_utf8_validate (cell, -1, &end))
        {
          const char *name = self->header != NULL && i < self->header->len ? self->header->pdata[i] : NULL;

          pl_roster_set_error (error, PL_ROSTER_ERROR_ENCODING, self->file_name, self->record_line,
                               i + 1, name,
                               _("the text is not UTF-8 (byte %u of the cell); save the file as UTF-8"),
                               (guint) (end - cell) + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
next_nonblank (PlRosterCsv  *self,
               GError      **error)
{
  gboolean blank;

  if (!self->started && !start (self, error))
    return FALSE;
  do
    {
      blank = FALSE;
      if (!read_record (self, &blank, error))
        return FALSE;
    }
  while (blank);
  return check_utf8 (self, error);
}

gboolean
pl_roster_csv_read_header (PlRosterCsv  *self,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header == NULL, FALSE);

  if (!next_nonblank (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        pl_roster_set_error (error, PL_ROSTER_ERROR_EMPTY, self->file_name, 0, 0, NULL,
                             _("the file is empty; a header line with the column names is needed"));
      return FALSE;
    }

  self->header = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->cells->len; i++)
    {
      char *name = g_strstrip (g_strdup (self->cells->pdata[i]));

      g_ptr_array_add (self->header, name);
      if (*name != '\0' && !g_hash_table_contains (self->columns, name))
        g_hash_table_insert (self->columns, name, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

gboolean
pl_roster_csv_require (PlRosterCsv         *self,
                       const char * const  *names,
                       GError             **error)
{
  g_return_val_if_fail (self != NULL && self->header != NULL, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    if (!g_hash_table_contains (self->columns, names[i]))
      {
        pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_COLUMN, self->file_name, 1, 0, NULL,
                             _("the required column “%s” is missing from the header"), names[i]);
        return FALSE;
      }
  return TRUE;
}

int
pl_roster_csv_column (PlRosterCsv *self,
                      const char  *name)
{
  g_return_val_if_fail (self != NULL && self->columns != NULL, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->columns, name)) - 1;
}

guint
pl_roster_csv_get_n_columns (PlRosterCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header != NULL ? self->header->len : 0;
}

const char *
pl_roster_csv_get_column_name (PlRosterCsv *self,
                               guint        index)
{
  g_return_val_if_fail (self != NULL && self->header != NULL, NULL);
  return index < self->header->len ? self->header->pdata[index] : NULL;
}

char
pl_roster_csv_get_delimiter (PlRosterCsv *self)
{
  return self->delimiter;
}

const char *
pl_roster_csv_get_file_name (PlRosterCsv *self)
{
  return self->file_name;
}

gboolean
pl_roster_csv_next (PlRosterCsv  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!next_nonblank (self, error))
    return FALSE;
  if (self->header != NULL && self->cells->len != self->header->len)
    {
      /* Where the row goes wrong: its first cell past the header's last
       * column, or the header's first column the row does not reach. */
      gboolean too_many = self->cells->len > self->header->len;
      guint column = MIN (self->cells->len, self->header->len) + 1;

      pl_roster_set_error (error, PL_ROSTER_ERROR_CELL_COUNT, self->file_name, self->record_line,
                           column, too_many ? NULL : self->header->pdata[column - 1],
                           ngettext ("expected %u cell, as the header has one column, but the row has %u",
                                     "expected %u cells, one for each column of the header, but the row has %u",
                                     self->header->len),
                           self->header->len, self->cells->len);
      return FALSE;
    }
  return TRUE;
}

guint
pl_roster_csv_get_line (PlRosterCsv *self)
{
  return self->record_line;
}

guint
pl_roster_csv_get_n_cells (PlRosterCsv *self)
{
  return self->cells->len;
}

const char *
pl_roster_csv_get (PlRosterCsv *self,
                   int          index)
{
  if (index < 0 || (guint) index >= self->cells->len)
    return "";
  return self->cells->pdata[index];
}

const char *
pl_roster_csv_get_by_name (PlRosterCsv *self,
                           const char  *name)
{
  int index = pl_roster_csv_column (self, name);
  char *cell;

  if (index < 0 || (guint) index >= self->cells->len)
    return NULL;
  cell = g_strstrip (self->cells->pdata[index]);
  return *cell != '\0' ? cell : NULL;
}

char **
pl_roster_csv_split_list (const char *cell)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (cell == NULL)
    return g_strv_builder_end (builder);
  parts = g_strsplit (cell, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

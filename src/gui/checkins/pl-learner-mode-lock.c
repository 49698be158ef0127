/* pl-learner-mode-lock.c — nothing but the learner's window while a
 * learner holds the laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-learner-mode-lock.h"
#include "pl-window.h"

struct _PlLearnerModeLock
{
  GObject          parent_instance;

  GtkApplication  *application;
  GtkWindow       *owner;           /* weak */
  GListModel      *toplevels;       /* every GtkWindow of the process */
  gulong           toplevels_id;
  gboolean         active;

  GPtrArray       *watched;         /* toplevels whose visibility we follow (weak) */
  GPtrArray       *hidden;          /* windows to show again, in the order hidden */
  GPtrArray       *app_actions;     /* names of application actions turned off */
  GPtrArray       *map_actions;     /* MapAction: window actions turned off */
  GPtrArray       *locked_windows;  /* main windows whose own actions are off */
};

G_DEFINE_FINAL_TYPE (PlLearnerModeLock, pl_learner_mode_lock, G_TYPE_OBJECT)

typedef struct
{
  GActionMap *map;
  char       *name;
} MapAction;

static void
map_action_free (gpointer data)
{
  MapAction *a = data;

  g_object_unref (a->map);
  g_free (a->name);
  g_free (a);
}

gboolean
pl_learner_mode_lock_allows (PlLearnerModeLock *self,
                             GtkWindow         *window)
{
  g_return_val_if_fail (PL_IS_LEARNER_MODE_LOCK (self), FALSE);
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    if (w == self->owner)
      return TRUE;
  return FALSE;
}

/* Actions added to a window's own action map (GtkApplicationWindow's
 * "win.show-help-overlay", for one) go dark with the window. */
static void
turn_off_map (PlLearnerModeLock *self,
              GActionMap        *map)
{
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (map));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (map, names[i]);
      MapAction *off;

      if (!G_IS_SIMPLE_ACTION (action) || !g_action_get_enabled (action))
        continue;
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
      off = g_new0 (MapAction, 1);
      off->map = g_object_ref (map);
      off->name = g_strdup (names[i]);
      g_ptr_array_add (self->map_actions, off);
    }
}

static void
keep_off (PlLearnerModeLock *self,
          GtkWindow         *window)
{
  if (pl_learner_mode_lock_allows (self, window))
    return;
  if (PL_IS_WINDOW (window) && !g_ptr_array_find (self->locked_windows, window, NULL))
    {
      pl_window_set_locked (PL_WINDOW (window), TRUE);
      g_ptr_array_add (self->locked_windows, g_object_ref (window));
    }
  if (G_IS_ACTION_MAP (window))
    turn_off_map (self, G_ACTION_MAP (window));
  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      if (!g_ptr_array_find (self->hidden, window, NULL))
        g_ptr_array_add (self->hidden, g_object_ref (window));
    }
}

/* Shown while the learner holds the laptop: by a second launch of the
 * application, a timer, a window opened from somewhere we did not think
 * of. Hide it again before it is drawn twice. */
static void
on_window_visible_cb (GtkWindow         *window,
                      GParamSpec        *pspec,
                      PlLearnerModeLock *self)
{
  if (self->active && gtk_widget_get_visible (GTK_WIDGET (window)))
    keep_off (self, window);
}

static void
on_watched_finalized_cb (gpointer  data,
                         GObject  *where_it_was)
{
  PlLearnerModeLock *self = data;

  g_ptr_array_remove_fast (self->watched, where_it_was);
}

/* Weakly: a dialog closed during the lock must be able to go away. */
static void
watch (PlLearnerModeLock *self,
       GtkWindow         *window)
{
  if (g_ptr_array_find (self->watched, window, NULL))
    return;
  g_ptr_array_add (self->watched, window);
  g_object_weak_ref (G_OBJECT (window), on_watched_finalized_cb, self);
  g_signal_connect (window, "notify::visible", G_CALLBACK (on_window_visible_cb), self);
}

static void
on_toplevels_changed_cb (GListModel        *model,
                         guint              position,
                         guint              removed,
                         guint              added,
                         PlLearnerModeLock *self)
{
  /* A window is listed as soon as it is created, before it has a parent:
   * whether it may show is decided when it does. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (model, i);

      watch (self, window);
    }
}

static gboolean
still_open (PlLearnerModeLock *self,
            GtkWindow         *window)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (self->toplevels, i);

      if (w == window)
        return TRUE;
    }
  return FALSE;
}

void
pl_learner_mode_lock_release (PlLearnerModeLock *self)
{
  g_return_if_fail (PL_IS_LEARNER_MODE_LOCK (self));

  if (!self->active)
    return;
  self->active = FALSE;

  g_clear_signal_handler (&self->toplevels_id, self->toplevels);
  for (guint i = 0; i < self->watched->len; i++)
    {
      g_signal_handlers_disconnect_by_data (self->watched->pdata[i], self);
      g_object_weak_unref (self->watched->pdata[i], on_watched_finalized_cb, self);
    }
  g_ptr_array_set_size (self->watched, 0);

  for (guint i = 0; i < self->app_actions->len; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->application),
                                                    self->app_actions->pdata[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
    }
  g_ptr_array_set_size (self->app_actions, 0);
  for (guint i = 0; i < self->map_actions->len; i++)
    {
      MapAction *off = self->map_actions->pdata[i];
      GAction *action = g_action_map_lookup_action (off->map, off->name);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
    }
  g_ptr_array_set_size (self->map_actions, 0);
  for (guint i = 0; i < self->locked_windows->len; i++)
    pl_window_set_locked (self->locked_windows->pdata[i], FALSE);
  g_ptr_array_set_size (self->locked_windows, 0);

  for (guint i = 0; i < self->hidden->len; i++)
    if (still_open (self, self->hidden->pdata[i]))
      gtk_widget_set_visible (self->hidden->pdata[i], TRUE);
  g_ptr_array_set_size (self->hidden, 0);
}

gboolean
pl_learner_mode_lock_is_active (PlLearnerModeLock *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_MODE_LOCK (self), FALSE);
  return self->active;
}

static void
pl_learner_mode_lock_dispose (GObject *object)
{
  PlLearnerModeLock *self = PL_LEARNER_MODE_LOCK (object);

  pl_learner_mode_lock_release (self);
  g_clear_object (&self->toplevels);
  g_clear_object (&self->application);
  g_clear_weak_pointer (&self->owner);

  G_OBJECT_CLASS (pl_learner_mode_lock_parent_class)->dispose (object);
}

static void
pl_learner_mode_lock_finalize (GObject *object)
{
  PlLearnerModeLock *self = PL_LEARNER_MODE_LOCK (object);

  g_ptr_array_unref (self->watched);
  g_ptr_array_unref (self->hidden);
  g_ptr_array_unref (self->app_actions);
  g_ptr_array_unref (self->map_actions);
  g_ptr_array_unref (self->locked_windows);

  G_OBJECT_CLASS (pl_learner_mode_lock_parent_class)->finalize (object);
}

static void
pl_learner_mode_lock_class_init (PlLearnerModeLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_learner_mode_lock_dispose;
  object_class->finalize = pl_learner_mode_lock_finalize;
}

static void
pl_learner_mode_lock_init (PlLearnerModeLock *self)
{
  self->watched = g_ptr_array_new ();
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->app_actions = g_ptr_array_new_with_free_func (g_free);
  self->map_actions = g_ptr_array_new_with_free_func (map_action_free);
  self->locked_windows = g_ptr_array_new_with_free_func (g_object_unref);
}

PlLearnerModeLock *
pl_learner_mode_lock_new (GtkApplication *application,
                          GtkWindow      *owner)
{
  PlLearnerModeLock *self;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (owner), NULL);

  self = g_object_new (PL_TYPE_LEARNER_MODE_LOCK, NULL);
  self->application = g_object_ref (application);
  g_set_weak_pointer (&self->owner, owner);
  self->active = TRUE;

  /* Preferences (the sync key), help, about, quit: nothing in learner
   * mode leads out of it. */
  names = g_action_group_list_actions (G_ACTION_GROUP (application));
  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (application), names[i]);

      if (G_IS_SIMPLE_ACTION (action) && g_action_get_enabled (action))
        {
          g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
          g_ptr_array_add (self->app_actions, g_strdup (names[i]));
        }
    }

  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (self->toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (self->toplevels, i);

      watch (self, window);
      keep_off (self, window);
    }
  self->toplevels_id = g_signal_connect (self->toplevels, "items-changed",
                                         G_CALLBACK (on_toplevels_changed_cb), self);
  return self;
}

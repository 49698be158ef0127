/* pl-toasts.c — toasts whose Undo is for the latest change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-toasts.h"

/* libadwaita 1.2 frees a toast that is dismissed while it is still sliding
 * in (300 ms, or 500 ms when it replaces another), then finishes the slide
 * on the freed memory: a crash when a teacher removes two things quickly.
 * A toast waiting in the queue has no animation and can go at once; a toast
 * on screen is dismissed only once it has been there long enough. */
#define SETTLED_US (650 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GWeakRef overlay;
  GWeakRef toast;
} Pending;

static void dismiss_when_settled (AdwToastOverlay *overlay,
                                  AdwToast        *toast);

static GQuark
seen_at_quark (void)
{
  return g_quark_from_static_string ("pl-toast-seen-at");
}

/* The widget the overlay shows TOAST in, or NULL while it waits in the
 * queue. The toast widget's type is private; its "toast" property is not. */
static GtkWidget *
shown_widget (AdwToastOverlay *overlay,
              AdwToast        *toast)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast");
      g_autoptr(GObject) shown = NULL;

      if (pspec == NULL || !g_type_is_a (pspec->value_type, ADW_TYPE_TOAST))
        continue;
      g_object_get (child, "toast", &shown, NULL);
      if (shown == G_OBJECT (toast))
        return child;
    }
  return NULL;
}

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_weak_ref_clear (&p->overlay);
  g_weak_ref_clear (&p->toast);
  g_free (p);
}

static gboolean
dismiss_later_cb (gpointer data)
{
  Pending *p = data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&p->overlay);
  g_autoptr(AdwToast) toast = g_weak_ref_get (&p->toast);

  if (overlay != NULL && toast != NULL)
    dismiss_when_settled (overlay, toast);
  return G_SOURCE_REMOVE;
}

static void
dismiss_when_settled (AdwToastOverlay *overlay,
                      AdwToast        *toast)
{
  gint64 now = g_get_monotonic_time ();
  gint64 seen_at;
  Pending *p;

  if (shown_widget (overlay, toast) == NULL)
    {
      adw_toast_dismiss (toast);
      return;
    }
  /* On screen since some time before now at the latest. */
  seen_at = (gint64) GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (toast), seen_at_quark ()));
  if (seen_at == 0)
    {
      seen_at = now;
      g_object_set_qdata (G_OBJECT (toast), seen_at_quark (), GSIZE_TO_POINTER ((gsize) seen_at));
    }
  if (now - seen_at >= SETTLED_US)
    {
      adw_toast_dismiss (toast);
      return;
    }
  p = g_new0 (Pending, 1);
  g_weak_ref_init (&p->overlay, overlay);
  g_weak_ref_init (&p->toast, toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((seen_at + SETTLED_US - now) / 1000) + 1,
                      dismiss_later_cb, p, pending_free);
}

/* Notes when TOAST first appears, so that replacing it later waits no
 * longer than needed. */
static gboolean
watch_cb (gpointer data)
{
  Pending *p = data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&p->overlay);
  g_autoptr(AdwToast) toast = g_weak_ref_get (&p->toast);

  if (overlay == NULL || toast == NULL)
    return G_SOURCE_REMOVE;
  if (shown_widget (overlay, toast) == NULL)
    return G_SOURCE_CONTINUE;
  if (g_object_get_qdata (G_OBJECT (toast), seen_at_quark ()) == NULL)
    g_object_set_qdata (G_OBJECT (toast), seen_at_quark (), GSIZE_TO_POINTER ((gsize) g_get_monotonic_time ()));
  return G_SOURCE_REMOVE;
}

void
pl_toasts_replace (AdwToastOverlay  *overlay,
                   AdwToast        **last,
                   AdwToast         *toast)
{
  Pending *p;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (last != NULL);
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (*last != NULL && *last != toast)
    dismiss_when_settled (overlay, *last);
  g_set_weak_pointer (last, toast);
  adw_toast_overlay_add_toast (overlay, toast);

  p = g_new0 (Pending, 1);
  g_weak_ref_init (&p->overlay, overlay);
  g_weak_ref_init (&p->toast, *last);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 25, watch_cb, p, pending_free);
}

import { createRouter } from "../http/openapi";
import { adminRouter } from "./admin";
import { bodiesRouter } from "./bodies";
import { calendarRouter } from "./calendar";
import { committeesRouter } from "./committees";
import { documentSettingsRouter, documentsRouter } from "./documents";
import { itemRequestsRouter } from "./item-requests";
import { meetingsRouter } from "./meetings";
import { outcomesRouter, writtenProceduresRouter } from "./outcomes";
import { papersRouter } from "./papers";
import { planFollowUpRouter } from "./plan-follow-up";
import { plansRouter } from "./plans";
import { membershipsRouter } from "./memberships";
import { peopleRouter } from "./people";
import { termsRouter } from "./terms";

/** Everything under /api/v1. */
export const apiRouter = createRouter()
  // First, so that "/papers/{id}.pdf" is matched before "/papers/{id}".
  .route("/", documentsRouter)
  .route("/", documentSettingsRouter)
  .route("/", bodiesRouter)
  .route("/", committeesRouter)
  .route("/", termsRouter)
  .route("/", peopleRouter)
  .route("/", membershipsRouter)
  .route("/", meetingsRouter)
  .route("/", itemRequestsRouter)
  .route("/", papersRouter)
  .route("/", calendarRouter)
  .route("/", outcomesRouter)
  .route("/", writtenProceduresRouter)
  .route("/", plansRouter)
  .route("/", planFollowUpRouter)
  .route("/", adminRouter);

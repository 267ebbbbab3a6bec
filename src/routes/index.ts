import { createRouter } from "../http/openapi";
import { accountsRouter } from "./accounts";
import { adminRouter } from "./admin";
import { attendanceRouter } from "./attendance";
import { bodiesRouter } from "./bodies";
import { bodyPagesRouter } from "./body-pages";
import { calendarRouter } from "./calendar";
import { committeesRouter } from "./committees";
import { documentSettingsRouter, documentsRouter } from "./documents";
import { itemRequestsRouter } from "./item-requests";
import { meetingsRouter } from "./meetings";
import { papersRouter } from "./papers";
import { planFollowUpRouter } from "./plan-follow-up";
import { measuresRouter } from "./measures";
import { minutesRouter } from "./minutes";
import { plansRouter } from "./plans";
import { resolutionsRouter } from "./resolutions";
import { searchRouter } from "./search";
import { membershipsRouter } from "./memberships";
import { peopleRouter } from "./people";
import { termsRouter } from "./terms";
import { writtenProceduresRouter } from "./written-procedures";
import { mailsRouter } from "./mails";
import { figuresRouter } from "./figures";

/** Everything under /api/v1. */
export const apiRouter = createRouter()
  // First, so that "/papers/{id}.pdf" is matched before "/papers/{id}".
  .route("/", documentsRouter)
  .route("/", figuresRouter)
  .route("/", documentSettingsRouter)
  .route("/", bodiesRouter)
  .route("/", bodyPagesRouter)
  .route("/", committeesRouter)
  .route("/", termsRouter)
  .route("/", peopleRouter)
  .route("/", membershipsRouter)
  .route("/", meetingsRouter)
  .route("/", itemRequestsRouter)
  .route("/", papersRouter)
  .route("/", calendarRouter)
  .route("/", attendanceRouter)
  .route("/", resolutionsRouter)
  .route("/", minutesRouter)
  .route("/", writtenProceduresRouter)
  .route("/", mailsRouter)
  .route("/", plansRouter)
  .route("/", measuresRouter)
  .route("/", searchRouter)
  .route("/", planFollowUpRouter)
  .route("/", accountsRouter)
  .route("/", adminRouter);

/**
 * Sign-in for people: `/anmelden`, `/abmelden`, `/passwort-setzen/{token}` and `/konto`. Every form posts, then
 * redirects, then gets; errors show in an error summary and beside the field, and the input is kept (passwords
 * aside). hono/csrf refuses a cross-site form post with 403 (Origin and Sec-Fetch-Site).
 */
import { Hono } from "hono";
import { Problem } from "../../errors";
import { limitKeyOf } from "../../http/client-address";
import { ZEmailAddress } from "../../schemas/accounts";
import { clientAddress, mailContext, serviceContext, type AppEnv } from "../../http/context";
import {
  accountOfSession,
  changeEmail,
  changePassword,
  endSession,
  openLink,
  requestPasswordReset,
  sessionsOf,
  setPasswordWithLink,
  signIn,
} from "../../services/accounts/accounts";
import type { ServiceContext } from "../../services/context";
import type { CheckSource } from "../../services/accounts/sign-in-attempts";
import {
  completeSecondFactor,
  disableTwoFactor,
  enableTwoFactor,
  pendingTwoFactor,
  startTwoFactor,
} from "../../services/accounts/two-factor";
import { nextPath } from "../kit/next";
import { sameOrigin } from "../kit/forms";
import { m } from "../messages";
import {
  AccountPage,
  ForgotPasswordPage,
  RecoveryCodesPage,
  SecondFactorPage,
  SetPasswordPage,
  SignInPage,
  SignOutPage,
  TwoFactorSetupPage,
} from "./views";
import { ErrorPage } from "../portal/views";
import { type Ctx, html, pageHeaders, param, scopeOf } from "../kit/render";
import { clearSessionCookie, sessionTimes, setSessionCookie } from "../kit/session";

/** Where a password or code check of this request comes from. */
const checkSource = (c: Ctx): CheckSource => {
  const address = clientAddress(c);
  return { clientAddress: address, clientKey: limitKeyOf(address), hashing: c.get("hashing") };
};

/** A refusal because too many checks run at once: 503, and when to try again. */
function busy(c: Ctx, error: Problem) {
  c.header("Retry-After", String(error.extra.retryAfter));
  return 503 as const;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const scope = (c: Ctx) => scopeOf(c).catch(() => ({ body: null, several: true }));

export const accountPages = new Hono<AppEnv>()
  // The address of a set-password link is the credential: kept by no cache, and sent as no referrer (outside the
  // page headers, which would set their own referrer policy after it).
  .use("/passwort-setzen/*", async (c, next) => {
    await next();
    c.res.headers.set("cache-control", "no-store");
    c.res.headers.set("referrer-policy", "no-referrer");
  })
  .use("*", pageHeaders)
  .post("*", sameOrigin)
  .get("/anmelden", async (c) => {
    const next = nextPath(c.req.query("weiter"));
    if (c.get("session")) return c.redirect(next ?? "/konto", 303);
    const notice =
      c.req.query("abgemeldet") !== undefined
        ? m.account.signedOut
        : c.req.query("gesetzt") !== undefined
          ? m.account.passwordSet
          : undefined;
    return html(c, <SignInPage scope={await scope(c)} next={next} {...(notice ? { notice } : {})} />);
  })
  .post("/anmelden", async (c) => {
    const form = await c.req.parseBody();
    const email = text(form.email).trim();
    const password = text(form.password);
    const next = nextPath(form.weiter);
    const errors: Record<string, string> = {};
    if (!email) errors.email = m.account.emailMissing;
    if (!password) errors.password = m.account.passwordMissing;
    if (Object.keys(errors).length > 0)
      return html(c, <SignInPage scope={await scope(c)} email={email} errors={errors} next={next} />, 400);
    try {
      const ctx = serviceContext(c);
      const { secret, session } = await signIn(
        ctx,
        { email, password, userAgent: c.req.header("user-agent") },
        checkSource(c),
        sessionTimes(c),
      );
      setSessionCookie(c, secret);
      if (session.secondFactorPending)
        return c.redirect(next ? `/anmelden/code?weiter=${encodeURIComponent(next)}` : "/anmelden/code", 303);
      return c.redirect(next ?? "/konto", 303);
    } catch (error) {
      if (!(error instanceof Problem && (error.code === "unauthenticated" || error.code === "unavailable"))) throw error;
      const status = error.code === "unavailable" ? busy(c, error) : 401;
      return html(c, <SignInPage scope={await scope(c)} email={email} errors={{ email: error.detail }} next={next} />, status);
    }
  })
  .get("/anmelden/code", async (c) =>
    c.get("pendingSession")
      ? html(c, <SecondFactorPage scope={await scope(c)} next={nextPath(c.req.query("weiter"))} />)
      : c.redirect("/anmelden", 303),
  )
  .post("/anmelden/code", async (c) => {
    const pending = c.get("pendingSession");
    if (!pending) return c.redirect("/anmelden", 303);
    const form = await c.req.parseBody();
    const code = text(form.code).trim();
    const next = nextPath(form.weiter);
    if (!code) return html(c, <SecondFactorPage scope={await scope(c)} errors={{ code: m.account.codeMissing }} next={next} />, 400);
    try {
      const { secret } = await completeSecondFactor(serviceContext(c), pending.id, code, checkSource(c));
      setSessionCookie(c, secret);
    } catch (error) {
      if (!(error instanceof Problem && error.code === "unauthenticated")) throw error;
      const message = error.extra.errors ? m.account.codeWrong : error.detail;
      return html(c, <SecondFactorPage scope={await scope(c)} errors={{ code: message }} next={next} />, 401);
    }
    return c.redirect(next ?? "/konto", 303);
  })
  .get("/passwort-vergessen", async (c) =>
    html(c, <ForgotPasswordPage scope={await scope(c)} sent={c.req.query("gesendet") !== undefined} />),
  )
  .post("/passwort-vergessen", async (c) => {
    const email = text((await c.req.parseBody()).email).trim();
    const error = !email ? m.account.emailMissing : ZEmailAddress.safeParse(email).success ? null : m.account.emailInvalid;
    if (error) return html(c, <ForgotPasswordPage scope={await scope(c)} email={email} errors={{ email: error }} />, 400);
    if (!(await requestPasswordReset(serviceContext(c), email, checkSource(c), mailContext(c))))
      return html(c, <ForgotPasswordPage scope={await scope(c)} email={email} errors={{ email: m.account.tooManyLinks }} />, 429);
    return c.redirect("/passwort-vergessen?gesendet", 303);
  })
  .get("/abmelden", async (c) => (c.get("session") ? html(c, <SignOutPage scope={await scope(c)} />) : c.redirect("/anmelden", 303)))
  .post("/abmelden", async (c) => {
    const session = c.get("session");
    if (session) await endSession(serviceContext(c), session.id, session.accountId);
    clearSessionCookie(c);
    return c.redirect("/anmelden?abgemeldet", 303);
  })
  .get("/passwort-setzen/:token", async (c) => {
    const ctx = serviceContext(c);
    const link = await openLink(ctx.db, param(c, "token"), ctx.now);
    if (!link) return linkInvalid(c);
    return html(c, <SetPasswordPage scope={await scope(c)} token={param(c, "token")} email={link.account.email} />);
  })
  .post("/passwort-setzen/:token", async (c) => {
    const ctx = serviceContext(c);
    const token = param(c, "token");
    const link = await openLink(ctx.db, token, ctx.now);
    if (!link) return linkInvalid(c);
    const form = await c.req.parseBody();
    const [password, repeat] = [text(form.password), text(form.repeat)];
    const refuse = (errors: Record<string, string>) =>
      scope(c).then((s) => html(c, <SetPasswordPage scope={s} token={token} email={link.account.email} errors={errors} />, 400));
    if (password !== repeat) return refuse({ repeat: m.account.repeatMismatch });
    try {
      await setPasswordWithLink(ctx, token, password);
    } catch (error) {
      if (error instanceof Problem && error.code === "unprocessable")
        return refuse({ password: `Das Passwort ${error.extra.errors?.[0]?.reason}.` });
      if (error instanceof Problem && error.code === "not_found") return linkInvalid(c);
      throw error;
    }
    return c.redirect("/anmelden?gesetzt", 303);
  })
  .get("/konto", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const notices: Record<string, string> = {
      geaendert: m.account.passwordChanged,
      email: m.account.emailChanged,
      "zwei-faktor-aus": m.account.twoFactorSwitchedOff,
    };
    const notice = Object.keys(notices).find((key) => c.req.query(key) !== undefined);
    return accountPage(c, session, notice ? { notice: notices[notice]! } : {});
  })
  .post("/konto/passwort", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const form = await c.req.parseBody();
    const [current, password, repeat] = [text(form.current), text(form.password), text(form.repeat)];
    if (password !== repeat) return accountPage(c, session, { errors: { repeat: m.account.repeatMismatch } }, 400);
    const fields = { current: ["current", "Das aktuelle Passwort"], password: ["password", "Das neue Passwort"] } as const;
    const secret = await confirmed(c, session, fields, () => changePassword(serviceContext(c), session, current, password, checkSource(c)));
    if (secret instanceof Response) return secret;
    setSessionCookie(c, secret);
    return c.redirect("/konto?geaendert", 303);
  })
  .post("/konto/email", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const form = await c.req.parseBody();
    const [email, password] = [text(form.email).trim(), text(form.password)];
    if (!ZEmailAddress.safeParse(email).success)
      return accountPage(c, session, { errors: { email: m.account.emailInvalid }, values: { email } }, 400);
    const fields = { email: ["email", "Die E-Mail-Adresse"], password: ["email-password", "Das Passwort"] } as const;
    const done = await confirmed(c, session, fields, () => changeEmail(serviceContext(c), session, email, password, checkSource(c)), {
      email,
    });
    return done instanceof Response ? done : c.redirect("/konto?email", 303);
  })
  .post("/konto/zwei-faktor/start", (c) => switchTwoFactor(c, startTwoFactor, "/konto/zwei-faktor"))
  .post("/konto/zwei-faktor/aus", (c) => switchTwoFactor(c, disableTwoFactor, "/konto?zwei-faktor-aus"))
  .get("/konto/zwei-faktor", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const key = await pendingTwoFactor(serviceContext(c), session.accountId);
    return key ? html(c, <TwoFactorSetupPage scope={await scope(c)} uri={key.uri} text={key.text} />) : c.redirect("/konto", 303);
  })
  .post("/konto/zwei-faktor", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const ctx = serviceContext(c);
    const key = await pendingTwoFactor(ctx, session.accountId);
    if (!key) return c.redirect("/konto", 303);
    try {
      const codes = await enableTwoFactor(ctx, session.accountId, text((await c.req.parseBody()).code));
      // Shown once, so not behind a redirect; never cached.
      c.header("cache-control", "no-store");
      return c.html(`<!DOCTYPE html>${await (<RecoveryCodesPage scope={await scope(c)} codes={codes} />)}`);
    } catch (error) {
      if (!(error instanceof Problem && error.code === "unprocessable")) throw error;
      return html(
        c,
        <TwoFactorSetupPage scope={await scope(c)} uri={key.uri} text={key.text} errors={{ code: m.account.codeWrong }} />,
        400,
      );
    }
  })
  .post("/konto/sitzungen/:id/beenden", async (c) => {
    const session = c.get("session");
    if (!session) return c.redirect("/anmelden", 303);
    const ctx = serviceContext(c);
    const own = (await sessionsOf(ctx, session.accountId)).find((s) => s.id === param(c, "id"));
    if (own) await endSession(ctx, own.id, session.accountId);
    return c.redirect("/konto", 303);
  });

/** Switches two-factor sign-in on or off after the password, then goes on to `next`. */
async function switchTwoFactor(
  c: Ctx,
  change: (ctx: ServiceContext, accountId: string, password: string, source: CheckSource) => Promise<unknown>,
  next: string,
) {
  const session = c.get("session");
  if (!session) return c.redirect("/anmelden", 303);
  const password = text((await c.req.parseBody()).password);
  const done = await confirmed(c, session, TWO_FACTOR_FIELDS, () => change(serviceContext(c), session.accountId, password, checkSource(c)));
  return done instanceof Response ? done : c.redirect(next, 303);
}

/** The fields of a form of the account page: each service field as the input's id and its German name. */
type FormFields = Readonly<Record<string, readonly [id: string, label: string]>>;

const TWO_FACTOR_FIELDS: FormFields = { password: ["two-factor-password", "Das Passwort"] };

/**
 * Runs a change of the account page that asks for the password, and answers its result, or the account page again
 * with the refusal beside its field and the input kept.
 */
async function confirmed<T>(
  c: Ctx,
  session: { id: string; accountId: string },
  fields: FormFields,
  change: () => Promise<T>,
  values: Record<string, string> = {},
): Promise<T | Response> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const passwordId = fields.password?.[0] ?? "password";
    if (error.code === "unavailable") return accountPage(c, session, { errors: { [passwordId]: error.detail }, values }, busy(c, error));
    const problem = error.extra.errors?.[0];
    const field = problem && fields[problem.field];
    if (!problem || !field) throw error;
    const status = error.code === "conflict" ? 409 : 400;
    return accountPage(c, session, { errors: { [field[0]]: `${field[1]} ${problem.reason}.` }, values }, status);
  }
}

async function accountPage(
  c: Ctx,
  session: { id: string; accountId: string },
  state: { errors?: Record<string, string>; notice?: string; values?: Record<string, string> },
  status: 200 | 400 | 409 | 503 = 200,
) {
  const ctx = serviceContext(c);
  const account = await accountOfSession(ctx, session.accountId);
  const sessions = await sessionsOf(ctx, session.accountId);
  const withheld = account.role === "admin" && c.get("deps").requireAdmin2fa && account.totpEnabledAt === null;
  return html(
    c,
    <AccountPage
      scope={await scope(c)}
      account={{ email: account.email, role: account.role, twoFactor: account.totpEnabledAt !== null }}
      sessions={sessions}
      currentSessionId={session.id}
      {...state}
      {...(withheld ? { warning: m.account.adminNeeds2fa } : {})}
    />,
    status,
  );
}

async function linkInvalid(c: Ctx) {
  return html(
    c,
    <ErrorPage
      scope={await scope(c)}
      title={m.account.linkInvalid}
      text={"Der Link ist ungültig, schon benutzt oder abgelaufen. Bitten Sie die Geschäftsstelle um einen neuen."}
    />,
    410,
  );
}

/** Sign-in, sign-out, setting a password, and a person's own account with their sessions. */
import { Layout } from "../components/layout";
import { ErrorSummary, Facts, SubmitButton } from "../components/ui";
import { dateOf, timeOf } from "../format";
import { m } from "../messages";
import type { Scope } from "../urls";

type Errors = Record<string, string>;

/** A labelled input with its message beside it when refused (GOV.UK's pattern, KERN's look). */
function Field(props: {
  id: string;
  label: string;
  type: string;
  value?: string;
  error?: string | undefined;
  autocomplete: string;
  hint?: string;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(" ");
  return (
    <div class={`kern-form-input${props.error ? " kern-form-input--error" : ""}`}>
      <label class="kern-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div class="kern-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p class="kern-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      <input
        class="kern-form-input__input"
        type={props.type}
        id={props.id}
        name={props.id}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        {...(described ? { "aria-describedby": described } : {})}
        {...(props.error ? { "aria-invalid": "true" } : {})}
      />
    </div>
  );
}

const when = (instant: Date) => `${dateOf(instant)}, ${timeOf(instant)}`;

const summary = (errors: Errors) => Object.entries(errors).map(([field, message]) => ({ field, message }));

export function SignInPage({ scope, email = "", errors = {}, notice }: { scope: Scope; email?: string; errors?: Errors; notice?: string }) {
  return (
    <Layout title={m.account.signIn} scope={scope} breadcrumbs={[{ text: m.account.signIn }]}>
      <h1 class="kern-heading-large">{m.account.signIn}</h1>
      {notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p>{notice}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary(errors)} />
      <form method="post" action="/anmelden" class="form">
        <Field id="email" label={m.account.email} type="email" value={email} error={errors.email} autocomplete="username" />
        <Field id="password" label={m.account.password} type="password" error={errors.password} autocomplete="current-password" />
        <SubmitButton label={m.account.signIn} primary />
      </form>
      <p>
        <a href="/passwort-vergessen">{m.account.forgotPassword}</a>
      </p>
      <p>{m.account.noSelfSignUp}</p>
    </Layout>
  );
}

export function SignOutPage({ scope }: { scope: Scope }) {
  return (
    <Layout title={m.account.signOut} scope={scope} breadcrumbs={[{ text: m.account.signOut }]}>
      <h1 class="kern-heading-large">{m.account.signOut}</h1>
      <form method="post" action="/abmelden" class="form">
        <SubmitButton label={m.account.signOut} primary />
      </form>
    </Layout>
  );
}

export function SetPasswordPage({ scope, token, email, errors = {} }: { scope: Scope; token: string; email: string; errors?: Errors }) {
  return (
    <Layout title={m.account.setPassword} scope={scope} breadcrumbs={[{ text: m.account.setPassword }]}>
      <h1 class="kern-heading-large">{m.account.setPassword}</h1>
      <p>{m.account.setPasswordFor(email)}</p>
      <ErrorSummary errors={summary(errors)} />
      <form method="post" action={`/passwort-setzen/${token}`} class="form">
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <Field
          id="password"
          label={m.account.newPassword}
          type="password"
          error={errors.password}
          autocomplete="new-password"
          hint={m.account.passwordHint}
        />
        <Field id="repeat" label={m.account.repeatPassword} type="password" error={errors.repeat} autocomplete="new-password" />
        <SubmitButton label={m.account.savePassword} primary />
      </form>
    </Layout>
  );
}

export interface AccountPageProps {
  scope: Scope;
  account: { email: string; role: string };
  sessions: { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null }[];
  currentSessionId: string;
  errors?: Errors;
  notice?: string;
}

export function AccountPage({ scope, account, sessions, currentSessionId, errors = {}, notice }: AccountPageProps) {
  return (
    <Layout title={m.account.title} scope={scope} breadcrumbs={[{ text: m.account.title }]}>
      <h1 class="kern-heading-large">{m.account.title}</h1>
      {notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p>{notice}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary(errors)} />
      <Facts
        rows={[
          [m.account.email, account.email],
          [m.account.role, m.account.roles[account.role] ?? account.role],
        ]}
      />
      <h2 class="kern-heading-medium">{m.account.changePassword}</h2>
      <form method="post" action="/konto/passwort" class="form">
        <input type="hidden" name="username" value={account.email} autocomplete="username" />
        <Field id="current" label={m.account.currentPassword} type="password" error={errors.current} autocomplete="current-password" />
        <Field
          id="password"
          label={m.account.newPassword}
          type="password"
          error={errors.password}
          autocomplete="new-password"
          hint={m.account.passwordHint}
        />
        <Field id="repeat" label={m.account.repeatPassword} type="password" error={errors.repeat} autocomplete="new-password" />
        <SubmitButton label={m.account.savePassword} />
      </form>
      <h2 class="kern-heading-medium">{m.account.sessions}</h2>
      <ul class="session-list">
        {sessions.map((session) => (
          <li>
            <p>
              {session.id === currentSessionId ? <strong>{m.account.thisSession}: </strong> : null}
              {`${m.account.since} ${when(session.createdAt)}; ${m.account.lastSeen} ${when(session.lastSeenAt)}`}
            </p>
            {session.userAgent ? <p class="session-list__agent">{session.userAgent}</p> : null}
            {session.id === currentSessionId ? null : (
              <form method="post" action={`/konto/sitzungen/${session.id}/beenden`}>
                <SubmitButton label={m.account.endSession} />
              </form>
            )}
          </li>
        ))}
      </ul>
      <form method="post" action="/abmelden">
        <SubmitButton label={m.account.signOut} primary />
      </form>
    </Layout>
  );
}

export function ForgotPasswordPage({ scope }: { scope: Scope }) {
  return (
    <Layout
      title={m.account.forgotPassword}
      scope={scope}
      breadcrumbs={[{ text: m.account.signIn, href: "/anmelden" }, { text: m.account.forgotPassword }]}
    >
      <h1 class="kern-heading-large">{m.account.forgotPassword}</h1>
      <p>{m.account.forgotPasswordText}</p>
    </Layout>
  );
}

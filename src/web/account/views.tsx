/** Sign-in, sign-out, setting a password, and a person's own account with their sessions. */
import { renderSVG } from "uqr";
import { Layout } from "../components/layout";
import { ErrorSummary, Facts, InputField, Notice, SubmitButton, trusted } from "../components/ui";
import { dateOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import type { Scope } from "../kit/urls";

type Errors = Record<string, string>;

const when = (instant: Date) => `${dateOf(instant)}, ${timeOf(instant)}`;

export function SignInPage({
  scope,
  email = "",
  errors = {},
  notice,
  next,
}: {
  scope: Scope;
  email?: string;
  errors?: Errors;
  notice?: string;
  /** The page to return to after signing in. */
  next?: string | undefined;
}) {
  return (
    <Layout title={m.account.signIn} scope={scope} breadcrumbs={[{ text: m.account.signIn }]}>
      <h1 class="kern-heading-large">{m.account.signIn}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errors} />
      <form method="post" action="/anmelden" class="form">
        {next ? <input type="hidden" name="weiter" value={next} /> : null}
        <InputField id="email" label={m.account.email} type="email" value={email} error={errors.email} autocomplete="username" />
        <InputField id="password" label={m.account.password} type="password" error={errors.password} autocomplete="current-password" />
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
      <ErrorSummary errors={errors} />
      <form method="post" action={`/passwort-setzen/${token}`} class="form">
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <NewPasswordFields errors={errors} />
        <SubmitButton label={m.account.savePassword} primary />
      </form>
    </Layout>
  );
}

export interface AccountPageProps {
  scope: Scope;
  account: { email: string; role: string; twoFactor: boolean };
  sessions: { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null }[];
  currentSessionId: string;
  errors?: Errors;
  /** What the person typed into a refused form (never a password). */
  values?: Record<string, string>;
  notice?: string;
  warning?: string;
}

export function AccountPage({ scope, account, sessions, currentSessionId, errors = {}, values = {}, notice, warning }: AccountPageProps) {
  return (
    <Layout title={m.account.title} scope={scope} breadcrumbs={[{ text: m.account.title }]}>
      <h1 class="kern-heading-large">{m.account.title}</h1>
      <Notice text={notice} />
      <Notice text={warning} tone="warning" />
      <ErrorSummary errors={errors} />
      <Facts
        rows={[
          [m.account.email, account.email],
          [m.account.role, m.account.roles[account.role] ?? account.role],
        ]}
      />
      {account.role === "member" ? (
        <p>
          <a href="/mitglieder">{m.members.linkFromAccount}</a>
        </p>
      ) : account.role === "secretariat" || account.role === "admin" ? (
        <p>
          <a href="/verwaltung">{m.workspace.linkFromAccount}</a>
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{m.account.twoFactor}</h2>
      <form method="post" action={account.twoFactor ? "/konto/zwei-faktor/aus" : "/konto/zwei-faktor/start"} class="form">
        <p>{account.twoFactor ? m.account.twoFactorOn : m.account.twoFactorOff}</p>
        <input type="hidden" name="username" value={account.email} autocomplete="username" />
        <ConfirmPasswordField id="two-factor-password" errors={errors} />
        <SubmitButton label={account.twoFactor ? m.account.twoFactorSwitchOff : m.account.twoFactorSetUp} />
      </form>
      <h2 class="kern-heading-medium">{m.account.changeEmail}</h2>
      <form method="post" action="/konto/email" class="form">
        <InputField
          id="email"
          label={m.account.newEmail}
          type="email"
          value={values.email ?? ""}
          error={errors.email}
          autocomplete="email"
        />
        <ConfirmPasswordField id="email-password" errors={errors} />
        <SubmitButton label={m.account.saveEmail} />
      </form>
      <h2 class="kern-heading-medium">{m.account.changePassword}</h2>
      <form method="post" action="/konto/passwort" class="form">
        <input type="hidden" name="username" value={account.email} autocomplete="username" />
        <InputField id="current" label={m.account.currentPassword} type="password" error={errors.current} autocomplete="current-password" />
        <NewPasswordFields errors={errors} />
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

export function ForgotPasswordPage({
  scope,
  email = "",
  errors = {},
  sent = false,
}: {
  scope: Scope;
  email?: string;
  errors?: Errors;
  sent?: boolean;
}) {
  return (
    <Layout
      title={m.account.forgotPassword}
      scope={scope}
      breadcrumbs={[{ text: m.account.signIn, href: "/anmelden" }, { text: m.account.forgotPassword }]}
    >
      <h1 class="kern-heading-large">{m.account.forgotPassword}</h1>
      {sent ? (
        <>
          <p role="status">{m.account.linkSent}</p>
          <p>
            <a href="/anmelden">{m.account.toSignIn}</a>
          </p>
        </>
      ) : (
        <>
          <p>{m.account.forgotPasswordText}</p>
          <ErrorSummary errors={errors} />
          <form method="post" action="/passwort-vergessen" class="form">
            <InputField id="email" label={m.account.email} type="email" value={email} error={errors.email} autocomplete="username" />
            <SubmitButton label={m.account.sendLink} primary />
          </form>
        </>
      )}
    </Layout>
  );
}

export function SecondFactorPage({ scope, errors = {}, next }: { scope: Scope; errors?: Errors; next?: string | undefined }) {
  return (
    <Layout title={m.account.secondFactor} scope={scope} breadcrumbs={[{ text: m.account.secondFactor }]}>
      <h1 class="kern-heading-large">{m.account.secondFactor}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/anmelden/code" class="form">
        {next ? <input type="hidden" name="weiter" value={next} /> : null}
        <InputField
          id="code"
          label={m.account.code}
          type="text"
          error={errors.code}
          autocomplete="one-time-code"
          hint={m.account.codeHint}
        />
        <SubmitButton label={m.account.signIn} primary />
      </form>
    </Layout>
  );
}

export function TwoFactorSetupPage({ scope, uri, text, errors = {} }: { scope: Scope; uri: string; text: string; errors?: Errors }) {
  // The QR code as inline SVG (no script, no style attribute), named for screen readers; the key also as text.
  const qr = renderSVG(uri).replace("<svg ", `<svg role="img" aria-label="${m.account.qrLabel}" class="qr-code" `);
  return (
    <Layout
      title={m.account.twoFactorSetUp}
      scope={scope}
      breadcrumbs={[{ text: m.account.title, href: "/konto" }, { text: m.account.twoFactorSetUp }]}
    >
      <h1 class="kern-heading-large">{m.account.twoFactorSetUp}</h1>
      <ErrorSummary errors={errors} />
      <ol>
        <li>{m.account.setUpStep1}</li>
        <li>
          {m.account.setUpStep2}
          <div>{trusted(qr)}</div>
          <p>
            {m.account.manualKey}: <code class="manual-key">{text.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
        </li>
        <li>{m.account.setUpStep3}</li>
      </ol>
      <form method="post" action="/konto/zwei-faktor" class="form">
        <InputField id="code" label={m.account.code} type="text" error={errors.code} autocomplete="one-time-code" />
        <SubmitButton label={m.account.twoFactorConfirm} primary />
      </form>
    </Layout>
  );
}

export function RecoveryCodesPage({ scope, codes }: { scope: Scope; codes: string[] }) {
  return (
    <Layout
      title={m.account.recoveryCodes}
      scope={scope}
      breadcrumbs={[{ text: m.account.title, href: "/konto" }, { text: m.account.recoveryCodes }]}
    >
      <h1 class="kern-heading-large">{m.account.recoveryCodes}</h1>
      <p>{m.account.recoveryCodesText}</p>
      <ul class="recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/konto">{m.account.title}</a>
      </p>
    </Layout>
  );
}

/** The new password and its repetition, as every form that sets a password asks for them. */
/** The current password, asked again before a change; each form of the page gives it its own id. */
function ConfirmPasswordField({ id, errors }: { id: string; errors: Errors }) {
  return (
    <InputField
      id={id}
      name="password"
      label={m.account.confirmWithPassword}
      type="password"
      error={errors[id]}
      autocomplete="current-password"
    />
  );
}

function NewPasswordFields({ errors }: { errors: Errors }) {
  return (
    <>
      <InputField
        id="password"
        label={m.account.newPassword}
        type="password"
        error={errors.password}
        autocomplete="new-password"
        hint={m.account.passwordHint}
      />
      <InputField id="repeat" label={m.account.repeatPassword} type="password" error={errors.repeat} autocomplete="new-password" />
    </>
  );
}

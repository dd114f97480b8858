// The web app in a real browser (Debian's Chromium through playwright-core), against a running local platform.
// Run by the e2e module's WebAppBrowserTest, which starts the platform and passes:
//   QUIPU_GATEWAY     the gateway's URL (serves the app and the API)
//   QUIPU_SANDBOX     the sandbox's URL (the SMS inbox holds the one-time codes)
//   QUIPU_SCREENSHOTS a folder for screenshots of the main screens
//   QUIPU_CHROMIUM    the browser (default /usr/bin/chromium)
// Each check prints "ok - <name>" or "not ok - <name>: <why>"; the last line is "N passed, M failed"; exit code 1 on a
// failure. Every wait is bounded.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const gateway = required('QUIPU_GATEWAY');
const sandbox = required('QUIPU_SANDBOX');
const screenshots = required('QUIPU_SCREENSHOTS');
const executablePath = process.env.QUIPU_CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 30_000;
mkdirSync(screenshots, { recursive: true });

const ANA = { username: 'demo.ana', password: 'Quipu-Demo-2026', phone: '+51900000001' };
const LUIS = { username: 'demo.luis', password: 'Quipu-Demo-2026', phone: '+51900000002' };
const ADMIN = { username: 'demo.admin', password: 'Quipu-Admin-2026', phone: '+51900000090' };

let passed = 0;
let failed = 0;

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

const pages = [];

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}: ${(error && error.stack) || error}`);
    // What each browser showed when it failed, for whoever reads the failure.
    for (const [index, page] of pages.entries()) {
      await page.screenshot({ path: join(screenshots, `failed-${failed}-page-${index + 1}.png`), fullPage: true }).catch(() => {});
    }
  }
}

async function latestOtp(phone, after) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${sandbox}/sandbox/sms/latest-otp?to=${encodeURIComponent(phone)}`);
    if (response.ok) {
      const body = await response.json();
      // Only a whole code counts: a message without one (or not yet parsed) is waited past, not typed in.
      if (/^\d{6}$/.test(body.otp ?? '') && (!after || new Date(body.receivedAt) > after)) {
        return body.otp;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no one-time code for ${phone} within ${WAIT_MS} ms`);
}

/** Password, then the SMS code from the sandbox's inbox; waits for the first screen ({@code landing}: a test id). */
async function logIn(page, user, name, landing = 'account-card') {
  await page.goto(gateway + '/');
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  const asked = new Date(Date.now() - 1_000);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('otp-code').waitFor({ timeout: WAIT_MS });
  if (name) {
    await page.screenshot({ path: join(screenshots, `${name}.png`) });
  }
  await page.getByTestId('otp-code').fill(await latestOtp(user.phone, asked));
  await page.getByTestId('otp-submit').click();
  await page.getByTestId(landing).first().waitFor({ timeout: WAIT_MS });
}

/**
 * Fills the international transfer form (the same payee abroad each time, paid in US dollars) and asks for a quote;
 * the caller confirms it.
 */
async function quoteInternationalTransfer(page, amount) {
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('transfer-type').selectOption('international');
  await page.getByTestId('transfer-iban').fill('DE89370400440532013000');
  await page.getByTestId('transfer-bic').fill('COBADEFFXXX');
  await page.getByTestId('transfer-beneficiary').fill('Hans Müller');
  await page.getByTestId('transfer-target-currency').selectOption('USD');
  await page.getByTestId('transfer-amount').fill(amount);
  await page.getByTestId('transfer-submit').click();
}

/** The first account's available balance as a decimal string, such as "5000.00" (the element's data-amount). */
async function available(page) {
  return await page.getByTestId('account-available').first().getAttribute('data-amount');
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const anaContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const luisContext = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
  const ana = await anaContext.newPage();
  const luis = await luisContext.newPage();
  pages.push(ana, luis);

  await check('a customer logs in with password and the SMS code', async () => {
    await logIn(ana, ANA, 'login-otp');
    await ana.screenshot({ path: join(screenshots, 'dashboard.png'), fullPage: true });
  });

  let luisAccountNumber;
  let luisBefore;
  await check('a second customer on a phone sees their accounts, live', async () => {
    await logIn(luis, LUIS);
    await luis.locator('[data-testid="live-status"][data-state="connected"]').waitFor({ timeout: WAIT_MS });
    luisAccountNumber = (await luis.getByTestId('account-number').first().innerText()).replace(/\D/g, '');
    luisBefore = await available(luis);
    if (luisAccountNumber.length !== 14) throw new Error(`account number shown: ${luisAccountNumber}`);
    await luis.screenshot({ path: join(screenshots, 'dashboard-phone.png'), fullPage: true });
  });

  await check("a transfer to another Quipu customer completes and the receiver's dashboard updates without a reload", async () => {
    await ana.getByTestId('nav-transfer').click();
    await ana.getByTestId('transfer-type').selectOption('internal');
    await ana.getByTestId('transfer-destination').fill(luisAccountNumber);
    await ana.getByTestId('transfer-amount').fill('25.00');
    await ana.screenshot({ path: join(screenshots, 'transfer.png'), fullPage: true });
    await ana.getByTestId('transfer-submit').click();
    await ana.getByTestId('transfer-confirm').click();
    const state = ana.getByTestId('transfer-result-state');
    await state.waitFor({ timeout: WAIT_MS });
    await ana.waitForFunction((element) => /completed|completad/i.test(element.textContent || ''),
      await state.elementHandle(), { timeout: WAIT_MS });
    await ana.screenshot({ path: join(screenshots, 'transfer-receipt.png'), fullPage: true });
    await luis.waitForFunction(([before]) => {
      const shown = document.querySelector('[data-testid="account-available"]');
      return shown && shown.getAttribute('data-amount') !== before;
    }, [luisBefore], { timeout: WAIT_MS });
    const after = await available(luis);
    const expected = plus(luisBefore, '25.00');
    if (after !== expected) throw new Error(`Luis sees ${after}, expected ${expected}`);
  });

  await check('an interbank transfer with a CCI checked as it is typed reaches completed', async () => {
    await ana.getByTestId('transfer-new').click();
    await ana.getByTestId('transfer-type').selectOption('interbank');
    // Wrong check digits are told as they are typed (an aria-live status next to the field), and a right CCI passes.
    await ana.getByTestId('transfer-destination').fill('00200100000012345600');
    await ana.locator('[data-testid="transfer-destination-status"][data-state="bad_check_digits"]').waitFor({ timeout: WAIT_MS });
    await ana.getByTestId('transfer-destination').fill(cci('002', '001', '000000123456'));
    await ana.locator('[data-testid="transfer-destination-status"][data-state="valid"]').waitFor({ timeout: WAIT_MS });
    await ana.getByTestId('transfer-beneficiary').fill('Rosa Huamán');
    await ana.getByTestId('transfer-amount').fill('10.00');
    await ana.getByTestId('transfer-submit').click();
    await ana.getByTestId('transfer-confirm').click();
    const state = ana.getByTestId('transfer-result-state');
    await state.waitFor({ timeout: WAIT_MS });
    // The clearing house settles within seconds; the receipt follows the payment until it is final.
    await ana.waitForFunction((element) => /completed|completad/i.test(element.textContent || ''),
      await state.elementHandle(), { timeout: 60_000 });
  });

  await check('a transfer above the step-up limit waits for the SMS code bound to it, then completes', async () => {
    await ana.getByTestId('transfer-new').click();
    await ana.getByTestId('transfer-type').selectOption('internal');
    await ana.getByTestId('transfer-destination').fill(luisAccountNumber);
    await ana.getByTestId('transfer-amount').fill('1000.00'); // step-up from S/ 1,000.00 (payments' limits)
    await ana.getByTestId('transfer-submit').click();
    const asked = new Date(Date.now() - 1_000);
    await ana.getByTestId('transfer-confirm').click();
    await ana.getByTestId('stepup-code').waitFor({ timeout: WAIT_MS });
    await ana.screenshot({ path: join(screenshots, 'step-up.png'), fullPage: true });
    await ana.getByTestId('stepup-code').fill(await latestOtp(ANA.phone, asked));
    await ana.getByTestId('stepup-confirm').click();
    await ana.locator('[data-testid="transfer-result-state"][data-state="completed"]').waitFor({ timeout: 60_000 });
  });

  await check("an account's movements are listed and its statement downloads as CSV", async () => {
    await ana.getByTestId('nav-movements').click();
    await ana.getByTestId('movement-row').first().waitFor({ timeout: WAIT_MS });
    const rows = await ana.getByTestId('movement-row').count();
    if (rows < 4) throw new Error(`${rows} movements shown, expected the deposit and three payments at least`);
    await ana.screenshot({ path: join(screenshots, 'movements.png'), fullPage: true });
    const link = await ana.getByTestId('statement-csv').getAttribute('href');
    const statement = await ana.request.get(new URL(link, ana.url()).toString());
    const text = await statement.text();
    if (statement.status() !== 200 || !text.startsWith('date,transfer_id,code,direction,amount')) {
      throw new Error(`statement: ${statement.status()} ${text.slice(0, 200)}`);
    }
  });

  await check('an international transfer is ordered at a live FX quote and goes to the SWIFT network or to fraud review', async () => {
    await quoteInternationalTransfer(ana, '50.00');
    await ana.getByTestId('transfer-confirm').waitFor({ timeout: WAIT_MS });
    await ana.screenshot({ path: join(screenshots, 'international-quote.png'), fullPage: true });
    await ana.getByTestId('transfer-confirm').click();
    // Ana's fifth payment in minutes, to a new payee abroad: fraud's velocity rule may hold it for an analyst.
    const state = ana.getByTestId('transfer-result-state');
    await state.waitFor({ timeout: WAIT_MS });
    await ana.waitForFunction((element) => /completed|sent|review/.test(element.getAttribute('data-state') || ''),
      await state.elementHandle(), { timeout: 60_000 });
    const received = await ana.getByTestId('transfer-result-target-amount').innerText();
    if (!received.includes('50.00')) throw new Error(`the beneficiary receives ${received}`);
  });

  await check('staff find a customer and verify the audit chain in the back office', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    pages.push(page);
    await logIn(page, ADMIN, null, 'nav-backoffice');
    await page.getByTestId('nav-backoffice').click();
    await page.getByTestId('backoffice-document-number').fill('40000002');
    await page.getByTestId('backoffice-search').click();
    await page.getByTestId('backoffice-customer').first().waitFor({ timeout: WAIT_MS });
    const found = await page.getByTestId('backoffice-results').innerText();
    if (!found.includes('Luis')) throw new Error(`search shows: ${found.slice(0, 200)}`);
    await page.getByTestId('audit-verify').click();
    await page.locator('[data-testid="audit-verify-result"][data-valid="true"]').waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: join(screenshots, 'backoffice.png'), fullPage: true });
    await context.close();
  });

  await check('a payment held by fraud review is approved by an analyst, then authorized with the SMS code, and goes to the SWIFT network', async () => {
    // Luis's first payment, about S/ 2,250 to a payee abroad he never paid: fraud's new-payee rule holds it for an
    // analyst (score 30, or 45 in Lima's small hours; only 70 denies).
    await quoteInternationalTransfer(luis, '600.00');
    await luis.getByTestId('transfer-confirm').click();
    await luis.locator('[data-testid="transfer-result-state"][data-state="under_review"]').waitFor({ timeout: 60_000 });
    const paymentId = (await luis.getByTestId('transfer-result-id').innerText()).trim();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const analyst = await context.newPage();
    pages.push(analyst);
    await logIn(analyst, ADMIN, null, 'nav-backoffice');
    await analyst.getByTestId('nav-backoffice').click();
    const held = analyst.locator(`[data-testid="fraud-case"][data-payment-id="${paymentId}"]`);
    await held.waitFor({ timeout: WAIT_MS });
    await held.getByTestId('fraud-note').fill('Called the customer: he pays a supplier in Germany.');
    await held.getByTestId('fraud-approve').click();
    await analyst.locator(`[data-testid="fraud-case"][data-payment-id="${paymentId}"][data-status="approved"]`)
      .waitFor({ timeout: WAIT_MS });
    await analyst.screenshot({ path: join(screenshots, 'fraud-review.png'), fullPage: true });
    await context.close();

    // Approved, it waits for Luis's own confirmation (above the step-up limit), which he gives from his payments.
    await luis.getByTestId('nav-payments').click();
    const row = luis.locator(`[data-testid="payment-row"][data-payment-id="${paymentId}"]`);
    const deadline = Date.now() + 60_000;
    while ((await row.getAttribute('data-state', { timeout: WAIT_MS })) !== 'awaiting_authorization') {
      if (Date.now() > deadline) throw new Error(`the payment stays ${await row.getAttribute('data-state')}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await luis.getByTestId('payments-refresh').click();
    }
    const asked = new Date(Date.now() - 1_000);
    await row.getByTestId('payment-authorize').click();
    await luis.getByTestId('stepup-code').fill(await latestOtp(LUIS.phone, asked), { timeout: WAIT_MS });
    await luis.getByTestId('stepup-confirm').click();
    await luis.locator('[data-testid="transfer-result-state"][data-state="sent"], [data-testid="transfer-result-state"][data-state="completed"]')
      .waitFor({ timeout: 60_000 });
  });

  await check('a new person opens an account in the browser: registry, selfie, login, account and a signed contract by e-mail', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    pages.push(page);
    const dni = String(10_000_000 + Math.floor(Math.random() * 89_999_000)).replace(/000$/, '001');
    const email = `camila.rojas.${dni}@example.com`;
    await page.goto(gateway + '/');
    await page.getByTestId('onboarding-start').click();
    await page.getByTestId('onboarding-document').fill(dni);
    await page.getByTestId('onboarding-given-names').fill('Camila');
    await page.getByTestId('onboarding-surnames').fill('Rojas Vega');
    await page.getByTestId('onboarding-email').fill(email);
    await page.getByTestId('onboarding-phone').fill('+519' + dni);
    await page.getByTestId('onboarding-birth-date').fill('1992-07-15');
    await page.screenshot({ path: join(screenshots, 'onboarding.png'), fullPage: true });
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-selfie-demo').click({ timeout: WAIT_MS });
    await page.getByTestId('onboarding-username').fill(`camila.${dni}`);
    await page.getByTestId('onboarding-password').fill('Quipu-Camila-2026!');
    await page.getByTestId('onboarding-currency').selectOption('PEN');
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-contract').waitFor({ timeout: 60_000 });
    await page.getByTestId('onboarding-sign').click();
    await page.getByTestId('onboarding-done').waitFor({ timeout: 90_000 });
    await page.screenshot({ path: join(screenshots, 'onboarding-done.png'), fullPage: true });
    const deadline = Date.now() + 60_000;
    let contract;
    while (!contract && Date.now() < deadline) {
      const mails = await (await fetch(`${sandbox}/sandbox/mail?to=${encodeURIComponent(email)}`)).json();
      contract = mails.find((mail) => (mail.attachments || []).some((file) => file.contentType.startsWith('application/pdf')));
      if (!contract) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!contract) throw new Error(`no signed contract reached ${email}`);
    await context.close();
  });

  await check('a customer enrols a passkey, then logs in with it instead of the SMS code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    pages.push(page);
    // Chromium's virtual authenticator: a platform passkey (like Touch ID) that verifies the user.
    const devtools = await context.newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    await devtools.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal',
      hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
    await logIn(page, LUIS);
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('passkey-enrol').click();
    await page.getByTestId('passkey-enrolled').waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: join(screenshots, 'profile.png'), fullPage: true });
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').fill(LUIS.username);
    await page.getByTestId('login-password').fill(LUIS.password);
    await page.getByTestId('login-submit').click();
    // Logged in again (the app goes back to where the customer was), without an SMS code. The login paths are rate
    // limited per address, and this test logs in often from one: like a person, it tries again after the pause asked.
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('passkey-login').click({ timeout: WAIT_MS });
      try {
        await page.getByTestId('logout').waitFor({ timeout: 10_000 });
        break;
      } catch (notYet) {
        if (attempt === 5) throw notYet;
        await new Promise((resolve) => setTimeout(resolve, 6_000));
      }
    }
    await page.getByTestId('nav-home').click();
    await page.getByTestId('account-card').first().waitFor({ timeout: WAIT_MS });
    await context.close();
  });

  await check('the language switch turns the app to English and back', async () => {
    await ana.getByTestId('language-switch').selectOption('en');
    await ana.getByText('Transfer', { exact: false }).first().waitFor({ timeout: WAIT_MS });
    await ana.getByTestId('nav-transfer').click();
    await ana.screenshot({ path: join(screenshots, 'transfer-english.png'), fullPage: true });
    await ana.getByTestId('language-switch').selectOption('es');
    await ana.getByText('Transferir', { exact: false }).first().waitFor({ timeout: WAIT_MS });
  });
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** "5000.00" plus "25.00" in integer cents: no floating point. */
function plus(amount, more) {
  const cents = BigInt(amount.replace('.', '')) + BigInt(more.replace('.', ''));
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A valid CCI: bank (3) + branch (3) + account (12) + the two check digits of the platform's AccountNumbers. */
function cci(bank, branch, account) {
  return bank + branch + account + checkDigit(bank + branch) + checkDigit(account);
}

function checkDigit(digits) {
  // Weights 1, 2, 1, 2, ... from the left; products over 9 have their digits added; the check digit tops the sum up.
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let product = Number(digits[index]) * (index % 2 === 0 ? 1 : 2);
    if (product > 9) product = Math.floor(product / 10) + (product % 10);
    sum += product;
  }
  return String((10 - (sum % 10)) % 10);
}

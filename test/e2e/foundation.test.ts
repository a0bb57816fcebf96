// The foundation's golden path in a real browser against a real server, on every database in
// TEST_DB: setup → sign out → sign in → invite an analyst → accept in a second browser → roles →
// language switch (remembered) → an API key shown once; axe-core on each main screen.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { testDatabases } from "../db.js";
import {
  describeInBrowser,
  ensureBuilt,
  launchChromium,
  openPage,
  screenshotsFor,
  seriousAccessibilityViolations,
  startMomentos,
  type BrowserPage,
  type MomentosServer,
} from "../browser.js";

const password = "correct horse battery staple";

for (const dialect of testDatabases) {
  describeInBrowser(`the dashboard's foundation [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let owner: BrowserPage;
    let analyst: BrowserPage;
    let invitationLink = "";
    let orgPath = "";
    const opened: BrowserPage[] = [];

    async function expectAccessible(page: Page, screen: string) {
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    async function newPerson(locale?: string): Promise<BrowserPage> {
      const person = await openPage(browser, server.url, locale ? { locale } : {});
      opened.push(person);
      return person;
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      owner = await newPerson();
    }, 180_000);

    afterAll(async () => {
      for (const person of opened) expect(person.problems, "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("leads the first visit to setup, checks the fields and creates the owner and first organisation", async () => {
      const { page } = owner;
      await page.goto("/app/");
      await page.waitForURL("**/app/setup");
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Bienvenido a Momentos");
      await expectAccessible(page, "setup");
      await shot(page, "01-setup");

      await page.getByLabel("Correo electrónico").fill("no-es-un-correo");
      await page.getByRole("button", { name: "Crear cuenta y organización" }).click();
      await expect.poll(() => page.getByText("Escribe una dirección de correo válida").isVisible()).toBe(true);
      await expect.poll(() => page.getByText("La contraseña debe tener al menos 10 caracteres.").isVisible()).toBe(true);
      await shot(page, "02-setup-field-errors");

      await page.getByLabel("Tu nombre").fill("Olga Ortiz");
      await page.getByLabel("Correo electrónico").fill("olga@aurora.example");
      await page.getByLabel("Contraseña").fill(password);
      await page.getByLabel("Nombre de la organización").fill("Tienda Aurora");
      await page.getByRole("button", { name: "Crear cuenta y organización" }).click();
      await page.waitForURL(/\/app\/o\/[^/]+$/);
      orgPath = new URL(page.url()).pathname;
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Resumen");
      await page.getByText("Aquí aparecerán los recorridos, las mediciones y las puntuaciones").waitFor();
      await expectAccessible(page, "overview");
      await shot(page, "03-overview");
    });

    it("signs out, refuses a wrong password with a clear message, and signs in again", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: "Menú de Olga Ortiz" }).click();
      await shot(page, "04-user-menu");
      await page.getByRole("button", { name: "Cerrar sesión", exact: true }).click();
      await page.waitForURL("**/app/sign-in");
      await page.getByText("Has cerrado la sesión.").waitFor();

      await page.getByLabel("Correo electrónico").fill("olga@aurora.example");
      await page.getByLabel("Contraseña").fill("not the password");
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      await page.getByText("El correo o la contraseña no son correctos").waitFor();
      await expectAccessible(page, "sign-in");
      await shot(page, "05-sign-in-error");

      await page.getByLabel("Contraseña").fill(password);
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      await page.waitForURL(`**${orgPath}`);
      await page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
    });

    it("tells someone who failed to sign in too many times how long to wait", async () => {
      const { page } = await newPerson();
      await page.goto("/app/sign-in");
      await page.getByLabel("Correo electrónico").fill("nadie@aurora.example");
      for (let attempt = 0; attempt < 11; attempt += 1) {
        await page.getByLabel("Contraseña").fill(`wrong password ${attempt}`);
        await page.getByRole("button", { name: "Iniciar sesión" }).click();
        await page.getByRole("alert").waitFor();
        await expect.poll(() => page.getByRole("button", { name: "Iniciar sesión" }).isEnabled()).toBe(true);
      }
      await page.getByText("Demasiados intentos fallidos. Por seguridad, espera 15 minutos").waitFor();
      await shot(page, "05b-sign-in-rate-limited");
    });

    it("invites an analyst by link, shown once with a copy button", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Miembros" }).click();
      await page.waitForURL(`**${orgPath}/members`);
      await page.getByRole("button", { name: "Invitar" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("heading", { name: "Invitar a Tienda Aurora" }).waitFor();
      await dialog.getByLabel("Analista").check();
      await shot(page, "06-invite-dialog");
      await dialog.getByRole("button", { name: "Crear enlace" }).click();

      const link = dialog.getByLabel("Enlace de invitación");
      await link.waitFor();
      invitationLink = await link.inputValue();
      expect(invitationLink).toMatch(new RegExp(`^${server.url}/app/invite/.{10,}`));
      await dialog.getByRole("button", { name: "Copiar" }).click();
      await dialog.getByRole("button", { name: "Copiado" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
      await expectAccessible(page, "invitation link");
      await shot(page, "07-invite-link");

      await dialog.getByRole("button", { name: "Listo" }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const pending = page.getByRole("table", { name: "Invitaciones pendientes" });
      await expect.poll(() => pending.getByRole("row").count()).toBe(2);
      expect(await page.content()).not.toContain(invitationLink);
    });

    it("lets the invited person create an account in another browser and see a read-only member list", async () => {
      analyst = await newPerson();
      const { page } = analyst;
      await page.goto(invitationLink);
      await page.getByRole("heading", { name: "Únete a Tienda Aurora", level: 1 }).waitFor();
      await expectAccessible(page, "accept invitation");
      await shot(page, "08-accept-invitation");

      await page.getByLabel("Tu nombre").fill("Ana Analista");
      await page.getByLabel("Correo electrónico").fill("ana@aurora.example");
      await page.getByLabel("Contraseña").fill(password);
      await page.getByRole("button", { name: "Crear cuenta y unirme" }).click();
      await page.waitForURL(`**${orgPath}`);

      const nav = page.getByRole("navigation", { name: "Navegación principal" });
      expect(await nav.getByRole("link", { name: "Claves de API" }).count()).toBe(0);
      await nav.getByRole("link", { name: "Miembros" }).click();
      await page.getByText("Solo los propietarios pueden invitar, cambiar roles o quitar miembros.").waitFor();
      const members = page.getByRole("table", { name: "Personas con acceso" });
      await expect.poll(() => members.getByRole("row").count()).toBe(3);
      expect(await page.getByRole("button", { name: "Invitar" }).count()).toBe(0);
      expect(await members.getByRole("combobox").count()).toBe(0);
      await expectAccessible(page, "members (read-only)");
      await shot(page, "09-members-read-only");

      const reused = await newPerson();
      await reused.page.goto(invitationLink);
      await reused.page.getByRole("heading", { name: "Esta invitación ya no es válida" }).waitFor();
      await shot(reused.page, "10-invitation-used");
    });

    it("lets the owner make the analyst an admin, which the analyst's dashboard then shows", async () => {
      const { page } = owner;
      await page.reload();
      await page.getByLabel("Rol de Ana Analista").selectOption("admin");
      await page.getByText("Ana Analista ahora es Administrador.").waitFor();
      await expectAccessible(page, "members (owner)");
      await shot(page, "11-members-owner");

      await analyst.page.reload();
      await analyst.page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Claves de API" }).waitFor();
    });

    it("switches the language to English and Portuguese, remembers it, and applies the account's language at sign-in", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API keys" }).waitFor();
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await shot(page, "12-members-english");

      await page.getByRole("button", { name: "Português" }).click();
      await page.getByRole("heading", { name: "Membros", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Convites pendentes" }).waitFor();
      await page.reload();
      await page.getByRole("heading", { name: "Membros", level: 1 }).waitFor();
      await page.getByRole("navigation", { name: "Navegação principal" }).getByRole("link", { name: "Chaves de API" }).waitFor();
      await shot(page, "13-members-portuguese");

      // A browser that prefers English still gets the account's language once signed in.
      const elsewhere = await newPerson("en-US");
      await elsewhere.page.goto("/app/");
      await elsewhere.page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
      await elsewhere.page.getByLabel("Email").fill("olga@aurora.example");
      await elsewhere.page.getByLabel("Password").fill(password);
      await elsewhere.page.getByRole("button", { name: "Sign in" }).click();
      await elsewhere.page.getByRole("heading", { name: "Visão geral", level: 1 }).waitFor();

      await page.getByRole("button", { name: "Español" }).click();
      await page.getByRole("heading", { name: "Miembros", level: 1 }).waitFor();
    });

    it("creates an API key and shows it only once", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Claves de API" }).click();
      await page.getByText("Aún no hay claves de API").waitFor();
      await expectAccessible(page, "API keys (empty)");
      await shot(page, "14-api-keys-empty");

      await page.getByRole("button", { name: "Crear clave" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Nombre").fill("Tienda online");
      await dialog.getByLabel("Lectura y escritura").check();
      await shot(page, "15-api-key-dialog");
      await dialog.getByRole("button", { name: "Crear clave" }).click();
      const keyField = dialog.getByLabel("Clave «Tienda online»");
      await keyField.waitFor();
      const key = await keyField.inputValue();
      expect(key).toMatch(/^mk_/);
      await expectAccessible(page, "API key shown once");
      await shot(page, "16-api-key-once");
      await dialog.getByRole("button", { name: "Listo" }).click();

      const keys = page.getByRole("table", { name: "Claves" });
      await keys.getByRole("cell", { name: "Tienda online", exact: true }).waitFor();
      expect(await page.content()).not.toContain(key);

      const used = await page.request.get("/api/v1/orgs", { headers: { authorization: `Bearer ${key}` } });
      expect(used.status()).toBe(200);
      await page.reload();
      await keys.getByText(/hace/i).waitFor();
      await expectAccessible(page, "API keys");
      await shot(page, "17-api-keys");
    });

    it("creates a second organisation and switches between organisations from the sidebar", async () => {
      const { page } = owner;
      const switcher = page.getByRole("button", { name: /Organización: Tienda Aurora/ });
      await switcher.click();
      await page.getByRole("link", { name: "Crear organización" }).click();
      await page.getByRole("heading", { name: "Crear organización", level: 1 }).waitFor();
      await page.getByLabel("Nombre de la organización").fill("Aurora Outlet");
      await page.getByRole("button", { name: "Crear organización" }).click();
      await page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      const outletPath = new URL(page.url()).pathname;
      expect(outletPath).not.toBe(orgPath);
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Miembros" }).click();

      await page.getByRole("button", { name: /Organización: Aurora Outlet/ }).click();
      await shot(page, "18-organisation-switcher");
      await page.getByRole("link", { name: /Tienda Aurora/ }).click();
      await page.waitForURL(`**${orgPath}/members`);
      await expect.poll(() => page.getByRole("table", { name: "Personas con acceso" }).getByRole("row").count()).toBe(3);
    });

    it("shows the account page", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: "Menú de Olga Ortiz" }).click();
      await page.getByRole("link", { name: "Cuenta" }).first().click();
      await page.getByRole("heading", { name: "Cuenta", level: 1 }).waitFor();
      await expectAccessible(page, "account");
      await shot(page, "19-account");
    });

    it("fits a phone screen, with the navigation behind a menu button", async () => {
      const { page } = owner;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${orgPath}/members`);
      await page.getByRole("heading", { name: "Miembros", level: 1 }).waitFor();
      await expectAccessible(page, "members on a phone");
      await shot(page, "20-phone-members");
      await page.getByRole("button", { name: "Menú de navegación" }).click();
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Claves de API" }).click();
      await page.getByRole("heading", { name: "Claves de API", level: 1 }).waitFor();
      await shot(page, "21-phone-api-keys");
    });
  });
}

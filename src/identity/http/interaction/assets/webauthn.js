// WebAuthn step of the sign-in pages (src/http/interaction/mfa-pages.ts). Served as a file: the
// pages have no inline script (CSP script-src 'self'). Uses @simplewebauthn/browser's UMD bundle,
// loaded before this file, which defines the global SimpleWebAuthnBrowser.

(() => {
  const form = document.getElementById("webauthn-form");
  const optionsBlock = document.getElementById("webauthn-options");
  const status = document.getElementById("webauthn-status");
  const field = document.getElementById("webauthn-response");
  if (!form || !optionsBlock || !status || !field || !window.SimpleWebAuthnBrowser) return;
  const optionsJSON = JSON.parse(optionsBlock.textContent || "{}");
  let sending = false;
  form.addEventListener("submit", async (event) => {
    if (sending) return; // the answer is in the hidden field: let the form go
    event.preventDefault();
    status.textContent = "";
    try {
      const browser = window.SimpleWebAuthnBrowser;
      const answer =
        form.dataset.mode === "register"
          ? await browser.startRegistration({ optionsJSON })
          : await browser.startAuthentication({ optionsJSON });
      field.value = JSON.stringify(answer);
      sending = true;
      form.requestSubmit();
    } catch {
      status.textContent = status.dataset.failed || "";
      status.setAttribute("tabindex", "-1");
      status.focus();
    }
  });
})();

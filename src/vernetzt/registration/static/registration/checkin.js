// Check-in: scan QR tickets with the camera (BarcodeDetector where the browser has it,
// the vendored jsQR otherwise) and post the code like the typed form does.
(() => {
  "use strict";
  let lastCode = "";
  let lastTime = 0;

  function submitCode(code) {
    const now = Date.now();
    if (code === lastCode && now - lastTime < 4000) return; // the same ticket still in view
    lastCode = code;
    lastTime = now;
    const input = document.getElementById("scan-code");
    const form = document.getElementById("scan-form");
    input.value = code;
    if (window.htmx) {
      window.htmx.trigger(form, "submit");
    } else {
      form.submit();
    }
  }

  async function start() {
    const video = document.getElementById("scan-video");
    const canvas = document.getElementById("scan-canvas");
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      // The browser's own text is technical and in the browser's language: say it plainly.
      const button = document.getElementById("scan-start");
      const messages = {
        NotAllowedError: button.dataset.errorDenied,
        SecurityError: button.dataset.errorDenied,
        NotFoundError: button.dataset.errorMissing,
        OverconstrainedError: button.dataset.errorMissing,
        NotReadableError: button.dataset.errorBusy,
        AbortError: button.dataset.errorBusy,
      };
      const result = document.getElementById("checkin-result");
      result.textContent = "";
      const message = document.createElement("p");
      message.className = "message message--error";
      message.textContent = messages[error && error.name] || button.dataset.errorOther;
      result.appendChild(message);
      button.hidden = false;
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    let detector = null;
    if ("BarcodeDetector" in window) {
      try {
        detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      } catch (error) {
        detector = null;
      }
    }
    const context = canvas.getContext("2d", { willReadFrequently: true });
    async function tick() {
      if (video.readyState >= 2) {
        try {
          if (detector) {
            const codes = await detector.detect(video);
            if (codes.length) submitCode(codes[0].rawValue);
          } else if (window.jsQR) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            const image = context.getImageData(0, 0, canvas.width, canvas.height);
            const found = window.jsQR(image.data, image.width, image.height);
            if (found && found.data) submitCode(found.data);
          }
        } catch (error) {
          // a frame that cannot be read: try the next one
        }
      }
      window.setTimeout(tick, 250);
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("scan-start");
    if (!button) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      button.hidden = true;
      return;
    }
    button.addEventListener("click", () => {
      button.hidden = true;
      start();
    });
  });
})();

/* DICOM import in the admin: a real progress bar while the file uploads, then an indeterminate one while
   the server de-identifies and renders the slices. Without JavaScript the form posts as usual. */
(function () {
  "use strict";
  var form = document.querySelector("[data-dicom-import-form]");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var bar = document.querySelector("[data-upload-progress]");
  var status = document.querySelector("[data-upload-status]");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    bar.value = 0;
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((e.loaded / e.total) * 100);
      bar.value = percent;
      status.textContent = "Uploading: " + percent + "%";
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value");
      status.textContent = "Uploaded. De-identifying and rendering the slices…";
    });
    xhr.addEventListener("load", function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
      if (xhr.responseURL) history.replaceState(null, "", xhr.responseURL);
    });
    xhr.addEventListener("error", function () {
      bar.hidden = true;
      status.textContent = "The upload failed (network error). Nothing was imported; try again.";
    });
    xhr.send(new FormData(form));
  });
})();

// Progressive enhancement: add the event's time in the reader's own time zone. Without JavaScript the page
// already shows the event's time zone and UTC.
document.querySelectorAll("time.local-time[datetime]").forEach(function (element) {
  var start = new Date(element.getAttribute("datetime"));
  if (isNaN(start.getTime())) { return; }
  var options = { dateStyle: "medium", timeStyle: "short" };
  var language = document.documentElement.lang || undefined;
  var text = new Intl.DateTimeFormat(language, options).format(start);
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var note = document.createElement("span");
  note.className = "meta reader-time";
  note.textContent = " · " + text + " (" + zone + ")";
  element.after(note);
});

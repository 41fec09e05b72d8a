/*
 * Registration form: the team list shows only the teams of the chosen wijk.
 * Without this script the form works the same, with all active teams grouped
 * by wijk. The <optgroup> labels are the wijk names, as in the wijk list.
 */
(function () {
  "use strict";

  var team = document.querySelector("[data-team-choice] select");
  var wijk = team && team.form ? team.form.elements.namedItem("wijk") : null;
  if (!team || !wijk) {
    return;
  }
  // Every group, kept aside so that a group can come back after it was taken out.
  var groups = Array.prototype.slice.call(team.querySelectorAll("optgroup"));

  function chosenWijkName() {
    var option = wijk.options[wijk.selectedIndex];
    return option && option.value ? option.textContent.trim() : "";
  }

  function show(name) {
    var value = team.value;
    groups.forEach(function (group) {
      var wanted = !name || group.label === name;
      if (wanted && group.parentNode !== team) {
        team.appendChild(group);
      } else if (!wanted && group.parentNode === team) {
        team.removeChild(group);
      }
    });
    // Keep the order of the page, and the choice if it is still there.
    groups.forEach(function (group) {
      if (group.parentNode === team) {
        team.appendChild(group);
      }
    });
    team.value = value;
    if (team.value !== value) {
      team.value = "";
    }
  }

  // A team chosen outside the chosen wijk (the server said so beside the field) stays visible
  // until the wijk changes, so the message and the list agree.
  var selected = team.options[team.selectedIndex];
  var selectedGroup = selected && selected.parentNode.tagName === "OPTGROUP" ? selected.parentNode.label : "";
  if (!selectedGroup || selectedGroup === chosenWijkName()) {
    show(chosenWijkName());
  }
  wijk.addEventListener("change", function () {
    show(chosenWijkName());
  });
})();

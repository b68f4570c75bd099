// On the defendant form, shows only the fields of the kind of person chosen (natural or legal).
// Without this script both sets of fields show, and only those of the chosen kind are saved.
(function () {
    var form = document.querySelector('form[data-defendant-form]');
    if (!form) {
        return;
    }
    function update() {
        var chosen = form.querySelector('input[data-defendant-kind]:checked');
        form.querySelectorAll('fieldset[data-for-kind]').forEach(function (fieldset) {
            fieldset.hidden = chosen !== null && fieldset.getAttribute('data-for-kind') !== chosen.value;
        });
    }
    form.querySelectorAll('input[data-defendant-kind]').forEach(function (radio) {
        radio.addEventListener('change', update);
    });
    update();
})();

// Ctrl+Enter (Cmd+Enter on a Mac) in a textarea marked data-submit-shortcut submits its form,
// so a quick form can be filled and saved without leaving the keyboard. Without this script the
// form works as usual.
document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !target || !target.matches('textarea[data-submit-shortcut]')) {
        return;
    }
    var form = target.form;
    if (form) {
        event.preventDefault();
        if (typeof form.requestSubmit === 'function') {
            form.requestSubmit();
        } else {
            form.submit();
        }
    }
});

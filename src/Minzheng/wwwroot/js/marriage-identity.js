// Marriage parties' identity documents: <select data-identity-type="A"> shows the gender, birth date (and for a passport
// the nationality) inputs only for a document other than a resident ID, and names the number input after the document.
(function () {
    "use strict";

    function update(select) {
        const party = select.dataset.identityType;
        const option = select.options[select.selectedIndex];
        const label = document.querySelector(`[data-identity-number-label="${party}"]`);
        if (label && option) {
            label.textContent = option.dataset.numberLabel;
        }
        const extra = document.querySelector(`[data-identity-extra="${party}"]`);
        if (extra) {
            extra.hidden = select.value === "resident";
        }
        const nationality = document.querySelector(`[data-identity-nationality="${party}"]`);
        if (nationality) {
            nationality.hidden = select.value !== "passport";
        }
    }

    document.querySelectorAll("select[data-identity-type]").forEach(select => {
        select.addEventListener("change", () => update(select));
        update(select);
    });
})();

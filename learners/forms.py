from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password

from .models import Membership, User
from .names import name_clashes, name_key
from .selectors import colleague_names, email_in_use
from .services import department_for_invite

EMAIL_IN_USE = "This e-mail address is already used by another account."
NAME_CLASH = "Someone in your department is already known by this name: add an initial or a middle name."
PSEUDONYM_CLASH = "This pseudonym reads like a colleague's name or pseudonym: choose another."


class SignupForm(forms.Form):
    invite_code = forms.CharField(
        max_length=20, help_text="Your department's code, from your programme director."
    )
    username = forms.RegexField(
        regex=r"^[\w.@+-]+$", max_length=40, help_text="Letters, digits and @/./+/-/_ only."
    )
    display_name = forms.CharField(max_length=80, label="Your name")
    email = forms.EmailField(help_text="Used only to reset your password.")
    training_year = forms.TypedChoiceField(
        choices=[("", "—")] + [(str(i), f"Year {i}") for i in range(1, 8)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), strip=False
    )

    department = None

    def clean_invite_code(self):
        department = department_for_invite(self.cleaned_data["invite_code"])
        if department is None:
            raise forms.ValidationError(
                "This invite code is not valid. Ask your department for the current one."
            )
        self.department = department
        return self.cleaned_data["invite_code"]

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        # Whether a name or address is in use is told only to someone holding a valid invite code:
        # without one, taken and free names get the same answer, so accounts cannot be listed.
        if self.department is not None:
            username, email = cleaned.get("username"), cleaned.get("email")
            if username and User.objects.filter(username__iexact=username).exists():
                self.add_error("username", "That username is taken.")
            if email and email_in_use(email):
                self.add_error("email", EMAIL_IN_USE)
            others = colleague_names(self.department)
            if cleaned.get("display_name") and name_clashes(cleaned["display_name"], others):
                self.add_error("display_name", NAME_CLASH)
        if cleaned.get("password"):
            probe = User(username=cleaned.get("username", ""), email=cleaned.get("email", ""))
            try:
                validate_password(cleaned["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class LoginForm(AuthenticationForm):
    remember_me = forms.BooleanField(
        required=False,
        label="Keep me signed in on this device",
        help_text="Residents on a personal device: stay signed in for two weeks. "
        "Faculty are always signed out after 8 hours without activity.",
    )


class ProfileForm(forms.Form):
    display_name = forms.CharField(max_length=80, label="Your name")
    email = forms.EmailField(help_text="A new address is used once you open the link we send to it.")
    current_password = forms.CharField(
        required=False,
        strip=False,
        label="Current password",
        help_text="Needed only to change your e-mail address.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    training_year = forms.TypedChoiceField(
        choices=[("", "—")] + [(str(i), f"Year {i}") for i in range(1, 8)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    leaderboard_display = forms.ChoiceField(
        choices=Membership.Display.choices, widget=forms.RadioSelect, label="On leaderboards, show"
    )
    pseudonym = forms.CharField(max_length=40, required=False)

    def __init__(self, *args, user: User, membership: Membership | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.membership = user, membership

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    @property
    def email_changed(self) -> bool:
        email = self.cleaned_data.get("email")
        return bool(email) and email.casefold() != (self.user.email or "").casefold()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leaderboard_display") == Membership.Display.PSEUDONYM and not cleaned.get(
            "pseudonym"
        ):
            self.add_error("pseudonym", "Choose a pseudonym, or pick another option.")
        if self.email_changed:
            if not self.user.check_password(cleaned.get("current_password") or ""):
                self.add_error(
                    "current_password", "Enter your current password to change your e-mail address."
                )
            elif email_in_use(cleaned["email"], exclude_user=self.user):
                self.add_error("email", EMAIL_IN_USE)
        if self.membership is not None:
            self._refuse_borrowed_names(cleaned)
        return cleaned

    def _refuse_borrowed_names(self, cleaned):
        # Only a changed name is checked, so two colleagues who already share a real name can still save.
        others = colleague_names(self.membership.department, exclude_user=self.user)
        pseudonym, display_name = cleaned.get("pseudonym"), cleaned.get("display_name")
        if (
            pseudonym
            and name_key(pseudonym) != name_key(self.membership.pseudonym)
            and name_clashes(pseudonym, others)
        ):
            self.add_error("pseudonym", PSEUDONYM_CLASH)
        current_name = self.user.display_name or self.user.get_full_name()
        if (
            display_name
            and name_key(display_name) != name_key(current_name)
            and name_clashes(display_name, others)
        ):
            self.add_error("display_name", NAME_CLASH)

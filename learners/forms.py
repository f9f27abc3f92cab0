from django import forms
from django.contrib.auth.password_validation import validate_password

from .models import Membership, User
from .services import department_for_invite


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

    def clean_invite_code(self):
        department = department_for_invite(self.cleaned_data["invite_code"])
        if department is None:
            raise forms.ValidationError(
                "This invite code is not valid. Ask your department for the current one."
            )
        self.department = department
        return self.cleaned_data["invite_code"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken.")
        return username

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password"):
            probe = User(username=cleaned.get("username", ""), email=cleaned.get("email", ""))
            try:
                validate_password(cleaned["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ProfileForm(forms.Form):
    display_name = forms.CharField(max_length=80, label="Your name")
    email = forms.EmailField()
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

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leaderboard_display") == Membership.Display.PSEUDONYM and not cleaned.get(
            "pseudonym"
        ):
            self.add_error("pseudonym", "Choose a pseudonym, or pick another option.")
        return cleaned

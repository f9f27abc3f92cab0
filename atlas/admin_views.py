"""Admin-only JSON the annotation editor needs: the size of the original image and a rendition to draw on."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

EDITOR_RENDITION = "max-1600x1600"


@require_GET
def figure_image_info(request, image_id: int):
    # Admin access is checked by Wagtail for every URL registered through `register_admin_urls`.
    image_model = get_image_model()
    image = get_object_or_404(image_model, pk=image_id)
    policy = policy_registry.get_by_type(image_model)
    if not policy.user_has_any_permission_for_instance(request.user, ["choose", "change"], image):
        return JsonResponse({"error": "You may not use this image."}, status=403)
    # Non-cropping rendition only: the shapes are normalised to the original image.
    rendition = image.get_rendition(EDITOR_RENDITION)
    return JsonResponse(
        {
            "id": image.pk,
            "title": image.title,
            "url": rendition.url,
            "width": image.width,
            "height": image.height,
        }
    )

// Namespaces nearly every page model uses.
global using FluentValidation;
global using MentorHub.Core.Data;
global using MentorHub.Core.Domain;
global using MentorHub.Core.Notifications;
global using MentorHub.Web.Access;
global using MentorHub.Web.Accounts;
global using MentorHub.Web.Display;
global using MentorHub.Web.Infrastructure;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;

import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component';

// Zoneless: signals drive change detection, and the widgets' events arrive as plain DOM events.
bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((e) => console.error(e));

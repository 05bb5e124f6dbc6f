"""Curated list of named third parties (canonical name -> aliases) for entity extraction.

Matching is case-sensitive on purpose: "Apple" the company is capitalised, "apple" the fruit is
not; ambiguous short names (X, Box, Square) only match in the contexts given as regexes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from tracker.changes.literals import finditer_heads, literal_hints, required_literals, search_heads, search_near
from tracker.changes.parties import find_parties

__all__ = ["VENDORS", "OWNER", "AFFILIATES", "COMPANY_RENAMED", "ROLES", "role_of", "family", "find_vendors", "vendor_spans",
           "vendor_mentions", "in_menu", "in_teaser", "is_button", "in_sample", "runs_on", "literal_hints", "required_literals", "search_near", "search_heads"]

# canonical: (aliases...) ; an alias starting with "re:" is a regular expression
VENDORS: dict[str, tuple[str, ...]] = {
    "Google Analytics": ("Google Analytics", "Google Analytics 4", "GA4"),
    "Google Ads": ("Google Ads", "AdWords", "Google AdWords"),
    "Google AdSense": ("AdSense", "Google AdSense"),
    "DoubleClick": ("DoubleClick",),
    "Google Tag Manager": ("Google Tag Manager",),
    "reCAPTCHA": ("reCAPTCHA", "ReCAPTCHA", "Google reCAPTCHA"),
    "Google Maps": ("Google Maps",),
    "Google Cloud": ("Google Cloud", "Google Cloud Platform"),
    "Firebase": ("Firebase", "Firebase Analytics", "Firebase Crashlytics"),
    "Crashlytics": ("Crashlytics",),
    "Flurry": ("Flurry",),
    "Localytics": ("Localytics",),
    "Tapjoy": ("Tapjoy",),
    "InMobi": ("InMobi",),
    "AdColony": ("AdColony",),
    "ironSource": ("ironSource", "IronSource"),
    "Vungle": ("Vungle",),
    "Chartboost": ("Chartboost",),
    "MoPub": ("MoPub",),
    "AppLovin": ("AppLovin",),
    "MediaMath": ("MediaMath",),
    "Datalogix": ("Datalogix",),
    "Neustar": ("Neustar",),
    "Tapad": ("Tapad",),
    "Krux": ("Krux",),
    "Evidon": ("Evidon",),
    "Ghostery": ("Ghostery",),
    "Gigya": ("Gigya",),
    "Janrain": ("Janrain",),
    "Sailthru": ("Sailthru",),
    "ExactTarget": ("ExactTarget",),
    "Responsys": ("Responsys",),
    "Eloqua": ("Eloqua",),
    "Clearbit": ("Clearbit",),
    "ZoomInfo": ("ZoomInfo",),
    "Demandbase": ("Demandbase",),
    "Bombora": ("Bombora",),
    "Pendo": ("Pendo",),
    "Kissmetrics": ("Kissmetrics", "KISSmetrics"),
    "Cuebiq": ("Cuebiq",),
    "SafeGraph": ("SafeGraph",),
    "YouTube": ("YouTube",),
    "Google Plus": ("Google+", "Google Plus", "Google +1", "Google+1"),
    "Google": ("Google", "Google LLC", "Google Inc.", "Google Ireland"),
    "Facebook": ("Facebook", "Facebook Pixel", "Facebook Inc."),
    "Meta": ("Meta Platforms", "Meta Pixel", "re:\\bMeta\\b(?= (?:Platforms|Pixel|Inc|and|,|\\())"),
    "Instagram": ("Instagram",),
    "WhatsApp": ("WhatsApp",),
    "Messenger": ("Facebook Messenger",),
    "Twitter": ("Twitter",),
    "X": ("re:\\bX\\s*\\((?:formerly|f/k/a)[^)]*Twitter\\)", "re:Twitter\\s*/\\s*X\\b", "re:\\bX\\s*/\\s*Twitter",
          "re:\\bX Corp\\b", "re:\\bX \\(Twitter\\)", "re:Twitter \\(now X\\)", "re:Twitter \\(X\\)"),
    "LinkedIn": ("LinkedIn",),
    "Pinterest": ("Pinterest",),
    "Snapchat": ("Snapchat", "Snap Inc."),
    "TikTok": ("TikTok",),
    "Reddit": ("Reddit",),
    "Tumblr": ("Tumblr",),
    "Discord": ("Discord",),
    "Slack": ("Slack",),
    "Microsoft": ("Microsoft",),
    "Bing": ("Bing Ads", "Microsoft Advertising", "re:\\bBing\\b"),
    "Outlook": ("Outlook", "Outlook.com"),
    "Azure": ("Azure", "Microsoft Azure"),
    "LinkedIn Insight Tag": ("LinkedIn Insight Tag",),
    "Apple": ("Apple", "Apple Inc.", "App Store", "Apple App Store"),
    "Android": ("Android",),
    "iOS": ("re:\\biOS\\b",),
    "iTunes": ("iTunes",),
    "iCloud": ("iCloud",),
    "Kindle": ("Kindle",),
    "Nook": ("re:\\bNOOK\\b|(?<=[a-z] )Nook\\b",),
    "Oculus": ("Oculus",),
    "Firefox": ("Firefox", "Mozilla Firefox"),
    "Mozilla": ("Mozilla",),
    "Chrome": ("Google Chrome", "re:(?<=[a-z] )Chrome\\b"),
    "Safari": ("Apple Safari", "re:(?<=[a-z] )Safari\\b"),
    "Internet Explorer": ("Internet Explorer", "Microsoft Internet Explorer"),
    "Microsoft Edge": ("Microsoft Edge",),
    "Opera": ("re:(?<=[a-z] )Opera(?= browser|,| or| and)",),
    "Flash": ("Adobe Flash", "Flash Player", "Macromedia Flash"),
    "Netscape": ("Netscape", "Netscape Navigator"),
    "Google Play": ("Google Play",),
    "Amazon": ("Amazon", "Amazon.com"),
    "Amazon Web Services": ("Amazon Web Services", "AWS"),
    "Alexa": ("re:\\bAlexa\\b",),
    "Cloudflare": ("Cloudflare", "CloudFlare"),
    "Akamai": ("Akamai",),
    "Fastly": ("Fastly",),
    "Stripe": ("Stripe",),
    "PayPal": ("PayPal", "Paypal"),
    "Braintree": ("Braintree",),
    "Adyen": ("Adyen",),
    "Square": ("re:\\bSquare(?=,? Inc\\.?|\\s+\\(payment)",),
    "Klarna": ("Klarna",),
    "Affirm": ("re:\\bAffirm(?=,? Inc\\.?)",),
    "Venmo": ("Venmo",),
    "Visa": ("re:\\bVisa\\b(?! (?:application|requirements))",),
    "Mastercard": ("Mastercard", "MasterCard"),
    "American Express": ("American Express", "Amex"),
    "Chargebee": ("Chargebee",),
    "Recurly": ("Recurly",),
    "Paddle": ("re:\\bPaddle(?:\\.com)?\\b(?= |,|\\.)(?<!a Paddle)",),
    "Intercom": ("Intercom",),
    "Zendesk": ("Zendesk",),
    "Freshdesk": ("Freshdesk",),
    "Help Scout": ("Help Scout", "HelpScout"),
    "Salesforce": ("Salesforce",),
    "HubSpot": ("HubSpot", "Hubspot"),
    "Marketo": ("Marketo",),
    "Pardot": ("Pardot",),
    "Mailchimp": ("Mailchimp", "MailChimp"),
    "Mandrill": ("Mandrill",),
    "SendGrid": ("SendGrid", "Sendgrid"),
    "Mailgun": ("Mailgun",),
    "Postmark": ("Postmark",),
    "Amazon SES": ("Amazon SES",),
    "Twilio": ("Twilio",),
    "Segment": ("Segment.io", "Twilio Segment", "re:\\bSegment(?=,? Inc\\.?| \\(analytics)"),
    "Mixpanel": ("Mixpanel",),
    "Amplitude": ("re:\\bAmplitude(?=,? Inc\\.?| Analytics|\\b)(?<![a-z] Amplitude)",),
    "Heap": ("Heap Analytics",),
    "Hotjar": ("Hotjar",),
    "Lucky Orange": ("Lucky Orange", "LuckyOrange"),
    "Microsoft Clarity": ("Microsoft Clarity",),
    "Smartlook": ("Smartlook",),
    "Mouseflow": ("Mouseflow",),
    "Inspectlet": ("Inspectlet",),
    "Zoho": ("Zoho",),
    "Pipedrive": ("Pipedrive",),
    "ActiveCampaign": ("ActiveCampaign",),
    "Constant Contact": ("Constant Contact",),
    "Tawk.to": ("Tawk.to", "tawk.to"),
    "Olark": ("Olark",),
    "Crisp": ("re:\\bCrisp(?= chat|\\.chat)",),
    "FullStory": ("FullStory", "Fullstory"),
    "Crazy Egg": ("Crazy Egg", "CrazyEgg"),
    "Optimizely": ("Optimizely",),
    "Adobe": ("Adobe",),
    "Adobe Analytics": ("Adobe Analytics", "Adobe SiteCatalyst"),
    "Omniture": ("Omniture", "SiteCatalyst"),
    "Matomo": ("Matomo",),
    "Piwik": ("Piwik",),
    "Plausible": ("Plausible Analytics",),
    "Quantcast": ("Quantcast",),
    "comScore": ("comScore", "Comscore"),
    "Nielsen": ("Nielsen",),
    "Chartbeat": ("Chartbeat",),
    "New Relic": ("New Relic", "NewRelic"),
    "Datadog": ("Datadog",),
    "Sentry": ("re:\\bSentry\\b",),
    "Bugsnag": ("Bugsnag",),
    "AppsFlyer": ("AppsFlyer", "Appsflyer"),
    "Adjust": ("re:\\bAdjust(?= GmbH|,? Inc\\.?)",),
    "Branch": ("Branch Metrics", "Branch.io"),
    "Kochava": ("Kochava",),
    "Criteo": ("Criteo",),
    "Taboola": ("Taboola",),
    "Outbrain": ("Outbrain",),
    "AppNexus": ("AppNexus",),
    "Xandr": ("Xandr",),
    "The Trade Desk": ("The Trade Desk",),
    "Rubicon Project": ("Rubicon Project",),
    "Magnite": ("Magnite",),
    "PubMatic": ("PubMatic",),
    "OpenX": ("OpenX",),
    "Index Exchange": ("Index Exchange",),
    "LiveRamp": ("LiveRamp",),
    "Oracle": ("Oracle",),
    "BlueKai": ("BlueKai",),
    "Acxiom": ("Acxiom",),
    "Experian": ("Experian",),
    "Equifax": ("Equifax",),
    "TransUnion": ("TransUnion",),
    "Epsilon": ("Epsilon",),
    "Lotame": ("Lotame",),
    "Moat": ("re:\\bMoat\\b",),
    "Integral Ad Science": ("Integral Ad Science",),
    "DoubleVerify": ("DoubleVerify",),
    "Yahoo": ("Yahoo", "Yahoo!"),
    "Verizon Media": ("Verizon Media",),
    "Oath": ("re:\\bOath(?=,? Inc\\.?)",),
    "AOL": ("re:\\bAOL\\b",),
    "Baidu": ("Baidu",),
    "Yandex": ("Yandex",),
    "Tencent": ("Tencent",),
    "WeChat": ("WeChat",),
    "OneTrust": ("OneTrust",),
    "TrustArc": ("TrustArc",),
    "TRUSTe": ("TRUSTe", "Truste"),
    "Cookiebot": ("Cookiebot",),
    "Didomi": ("Didomi",),
    "Sourcepoint": ("Sourcepoint",),
    "AppChoices": ("AppChoices",),
    "Digital Advertising Alliance": ("Digital Advertising Alliance",),
    "Network Advertising Initiative": ("Network Advertising Initiative",),
    "Your Online Choices": ("Your Online Choices", "YourOnlineChoices"),
    "Auth0": ("Auth0",),
    "Okta": ("Okta",),
    "Jumio": ("Jumio",),
    "Onfido": ("Onfido",),
    "Persona": ("re:\\bPersona(?= Identities|,? Inc\\.?)",),
    "Plaid": ("Plaid",),
    "Yodlee": ("Yodlee",),
    "Shopify": ("Shopify",),
    "WordPress": ("WordPress", "Wordpress"),
    "Automattic": ("Automattic",),
    "Wix": ("re:\\bWix(?:\\.com)?\\b",),
    "Squarespace": ("Squarespace",),
    "Vimeo": ("Vimeo",),
    "Spotify": ("Spotify",),
    "Dropbox": ("Dropbox",),
    "Box": ("re:\\bBox(?=,? Inc\\.?)",),
    "GitHub": ("GitHub", "Github"),
    "Atlassian": ("Atlassian",),
    "Jira": ("Jira",),
    "Zoom": ("re:\\bZoom(?= Video|,? Inc\\.?)",),
    "Calendly": ("Calendly",),
    "DocuSign": ("DocuSign",),
    "SurveyMonkey": ("SurveyMonkey",),
    "Momentive": ("Momentive",),
    "Typeform": ("Typeform",),
    "Qualtrics": ("Qualtrics",),
    "Gravatar": ("Gravatar",),
    "Disqus": ("Disqus",),
    "AddThis": ("AddThis",),
    "ShareThis": ("ShareThis",),
    "Gmail": ("Gmail",),
    "Yahoo Mail": ("Yahoo Mail",),
    "OpenAI": ("OpenAI", "Open AI"),
    "ChatGPT": ("ChatGPT",),
    "Anthropic": ("Anthropic",),
    "Claude": ("re:\\bClaude(?= AI|,? by Anthropic)",),
    "Gemini": ("re:Google Gemini|\\bGemini(?= AI| model)",),
    "Perplexity": ("Perplexity AI",),
    "Mistral": ("Mistral AI",),
    "Hugging Face": ("Hugging Face", "HuggingFace"),
    "Nvidia": ("NVIDIA", "Nvidia"),
    "Samsung": ("Samsung",),
    "Roku": ("Roku",),
    "Netflix": ("Netflix",),
    "Uber": ("re:\\bUber\\b",),
    "Lyft": ("Lyft",),
    "Airbnb": ("Airbnb",),
    "eBay": ("eBay",),
    "Walmart": ("Walmart",),
    "Target": ("re:\\bTarget(?= Corporation| Brands)",),
    "IBM": ("re:\\bIBM\\b",),
    "Cisco": ("Cisco",),
    "Akismet": ("Akismet",),
    "Hotmail": ("Hotmail",),
    "JAMS": ("re:\\bJAMS\\b",),
    "American Arbitration Association": ("American Arbitration Association",),
    "BBB": ("BBB National Programs", "Better Business Bureau"),
    "EDPO": ("re:\\bEDPO\\b", "European Data Protection Office"),
    "Vercel": ("Vercel",),
    "Netlify": ("Netlify",),
    "Heroku": ("Heroku",),
    "DigitalOcean": ("DigitalOcean", "Digital Ocean"),
    "Hetzner": ("Hetzner",),
    "OVH": ("re:\\bOVH(?:cloud)?\\b",),
    "Backblaze": ("Backblaze",),
    "MongoDB": ("MongoDB",),
    "Snowflake": ("re:\\bSnowflake(?=,? Inc\\.?| Data)",),
    "Algolia": ("Algolia",),
    "Mapbox": ("Mapbox",),
    "Foursquare": ("Foursquare",),
    "Skype": ("Skype",),
    "Telegram": ("re:\\bTelegram\\b",),
    "Signal": ("re:\\bSignal(?= Messenger| app)",),
    "Vonage": ("Vonage",),
    "Nexmo": ("Nexmo",),
    "MessageBird": ("MessageBird", "Bird.com"),
    "Braze": ("Braze",),
    "Appboy": ("Appboy",),
    "OneSignal": ("OneSignal",),
    "Iterable": ("re:\\bIterable(?=,? Inc\\.?)",),
    "Customer.io": ("Customer.io",),
    "Klaviyo": ("Klaviyo",),
    "Attentive": ("re:\\bAttentive(?= Mobile)",),
    "Drift": ("re:\\bDrift(?=,? Inc\\.?| chat)",),
    "LiveChat": ("LiveChat",),
    "Zapier": ("Zapier",),
    # ad and measurement tags, ad tech
    "Audience Network": ("Audience Network", "Facebook Audience Network", "Meta Audience Network"),
    "Amazon Advertising": ("Amazon Advertising", "Amazon Ads", "Amazon DSP"),
    "Amazon Publisher Services": ("Amazon Publisher Services",),
    "Snap Pixel": ("Snap Pixel", "Snapchat Pixel"),
    "TikTok Pixel": ("TikTok Pixel",),
    "Pinterest Tag": ("Pinterest Tag",),
    "Twitter Ads": ("Twitter Ads", "X Ads"),
    "Google Marketing Platform": ("Google Marketing Platform", "Campaign Manager 360", "Display & Video 360"),
    "Google Optimize": ("Google Optimize",),
    "Google Signals": ("Google Signals",),
    "Teads": ("Teads",), "Sovrn": ("Sovrn",), "Media.net": ("Media.net",), "Adform": ("Adform",),
    "TripleLift": ("TripleLift",), "GumGum": ("GumGum",), "Sharethrough": ("Sharethrough",),
    "FreeWheel": ("FreeWheel",), "SpotX": ("SpotX",), "Innovid": ("Innovid",), "Sizmek": ("Sizmek",),
    "Conversant": ("Conversant",), "Zeta Global": ("Zeta Global",), "Yieldmo": ("Yieldmo",),
    "Smart AdServer": ("Smart AdServer", "Smartadserver", "Equativ"), "ID5": ("re:\\bID5\\b",),
    "Prebid": ("Prebid", "Prebid.js"), "Tealium": ("Tealium",), "mParticle": ("mParticle",),
    "RudderStack": ("RudderStack",), "Contentsquare": ("Contentsquare", "ContentSquare"),
    "Quantum Metric": ("Quantum Metric",), "Glassbox": ("Glassbox",), "Medallia": ("Medallia",),
    "Usabilla": ("Usabilla",), "Qualaroo": ("Qualaroo",), "UserTesting": ("UserTesting",),
    "Dynatrace": ("Dynatrace",), "AppDynamics": ("AppDynamics",), "Splunk": ("Splunk",),
    "Singular": ("re:\\bSingular(?= Labs|,? Inc\\.?)",),
    "Webtrends": ("Webtrends", "WebTrends"), "Coremetrics": ("Coremetrics",), "Tacoda": ("Tacoda",),
    "Atlas": ("Atlas Solutions",), "aQuantive": ("aQuantive",), "24/7 Real Media": ("24/7 Real Media",),
    "ValueClick": ("ValueClick",), "Advertising.com": ("Advertising.com",), "BrightRoll": ("BrightRoll",),
    "Right Media": ("Right Media",), "AudienceScience": ("AudienceScience",), "HasOffers": ("HasOffers",),
    "Turn": ("re:\\bTurn(?=,? Inc\\.?)",), "Rocket Fuel": ("Rocket Fuel",), "Sizmek Ad Suite": ("Sizmek Ad Suite",),
    "Interactive Advertising Bureau": ("Interactive Advertising Bureau",), "IAB Europe": ("IAB Europe",),
    "YourAdChoices": ("YourAdChoices", "Your Ad Choices", "AdChoices"),
    # consent management
    "Usercentrics": ("Usercentrics",), "Osano": ("Osano",), "Termly": ("Termly",), "iubenda": ("iubenda", "Iubenda"),
    "CookieYes": ("CookieYes",), "Ketch": ("re:\\bKetch(?=,? Inc\\.?)",), "Transcend": ("re:\\bTranscend(?=,? Inc\\.?)",),
    "Securiti": ("Securiti",), "Consentmanager": ("Consentmanager", "consentmanager"), "VeraSafe": ("VeraSafe",),
    # support, CRM, marketing e-mail and messaging
    "Freshworks": ("Freshworks",), "Gorgias": ("Gorgias",), "Kustomer": ("Kustomer",), "Salesloft": ("Salesloft",),
    "Microsoft Dynamics": ("Microsoft Dynamics", "Dynamics 365"), "ServiceNow": ("ServiceNow",),
    "Workday": ("Workday",), "SAP": ("re:\\bSAP(?= SE| Ariba| SuccessFactors| Concur|,? AG)",),
    "Mailjet": ("Mailjet",), "Brevo": ("Brevo",), "Sendinblue": ("Sendinblue", "SendinBlue"),
    "SparkPost": ("SparkPost",), "Campaign Monitor": ("Campaign Monitor",), "Emarsys": ("Emarsys",),
    "Acoustic": ("re:\\bAcoustic(?=,? (?:L\\.P|Inc)\\.?)",), "Cheetah Digital": ("Cheetah Digital",),
    "Movable Ink": ("Movable Ink",), "Postscript": ("re:\\bPostscript(?=,? Inc\\.?)",),
    "Airship": ("Airship", "Urban Airship"), "Leanplum": ("Leanplum",), "CleverTap": ("CleverTap",),
    "Sinch": ("Sinch",), "Plivo": ("Plivo",), "Bandwidth": ("re:\\bBandwidth(?=,? Inc\\.?)",),
    "Microsoft Teams": ("Microsoft Teams",), "Webex": ("Webex", "WebEx"),
    "Google Meet": ("Google Meet",), "GoToMeeting": ("GoToMeeting",), "Viber": ("Viber",), "Line": ("LINE Corporation",),
    "Google Workspace": ("Google Workspace", "G Suite"), "Microsoft 365": ("Microsoft 365", "Office 365"),
    "Asana": ("Asana",), "Trello": ("Trello",), "Confluence": ("Confluence",), "Airtable": ("Airtable",),
    "Monday.com": ("Monday.com", "monday.com"), "Notion": ("Notion Labs",), "Egnyte": ("Egnyte",),
    # payments, fraud and identity
    "Worldpay": ("Worldpay", "WorldPay"), "Checkout.com": ("Checkout.com",), "Authorize.Net": ("Authorize.Net", "Authorize.net"),
    "Cybersource": ("Cybersource", "CyberSource"), "Fiserv": ("Fiserv",), "First Data": ("First Data",),
    "Global Payments": ("Global Payments",), "Apple Pay": ("Apple Pay",), "Google Pay": ("Google Pay",), "Google Wallet": ("Google Wallet",),
    "Amazon Pay": ("Amazon Pay",), "Shop Pay": ("Shop Pay",), "Afterpay": ("Afterpay",), "Sezzle": ("Sezzle",),
    "Payoneer": ("Payoneer",), "Zuora": ("Zuora",), "FastSpring": ("FastSpring",), "2Checkout": ("2Checkout",),
    "Cash App": ("Cash App",), "Zelle": ("Zelle",), "Coinbase": ("Coinbase",), "MoonPay": ("MoonPay",),
    "Sift": ("Sift Science", "re:\\bSift(?=,? Inc\\.?)"), "Forter": ("Forter",), "Signifyd": ("Signifyd",),
    "Riskified": ("Riskified",), "Kount": ("Kount",), "ThreatMetrix": ("ThreatMetrix",), "LexisNexis": ("LexisNexis",),
    "Socure": ("Socure",), "Veriff": ("Veriff",), "IDnow": ("IDnow",), "Trulioo": ("Trulioo",), "Yoti": ("Yoti",),
    "hCaptcha": ("hCaptcha",), "Arkose Labs": ("Arkose Labs",), "PerimeterX": ("PerimeterX",),
    "DataDome": ("DataDome",), "MaxMind": ("MaxMind",), "Verisign": ("Verisign", "VeriSign"),
    # hosting, delivery and storage
    "Oracle Cloud": ("Oracle Cloud",), "IBM Cloud": ("IBM Cloud",), "Alibaba Cloud": ("Alibaba Cloud", "Aliyun"),
    "Linode": ("Linode",), "Imperva": ("Imperva",), "Rackspace": ("Rackspace",), "Equinix": ("Equinix",),
    "Supabase": ("Supabase",), "Cloudinary": ("Cloudinary",), "Imgix": ("Imgix", "imgix"), "Wistia": ("Wistia",),
    "JW Player": ("JW Player", "JWPlayer"), "Brightcove": ("Brightcove",), "Google Fonts": ("Google Fonts",),
    "Adobe Fonts": ("Adobe Fonts", "Typekit"), "Font Awesome": ("Font Awesome",), "jsDelivr": ("jsDelivr",),
    "Limelight": ("Limelight Networks",), "Edgio": ("Edgio",),
    # AI models and services
    "Azure OpenAI": ("Azure OpenAI",), "Cohere": ("re:\\bCohere(?=,? Inc\\.?| AI)",), "AI21": ("AI21 Labs", "AI21"),
    "Stability AI": ("Stability AI",), "Midjourney": ("Midjourney",), "ElevenLabs": ("ElevenLabs",), "DeepL": ("DeepL",),
    "Amazon Bedrock": ("Amazon Bedrock",), "Llama": ("re:\\bLlama(?= \\d| model)", "Meta Llama"),
    "Microsoft Copilot": ("Microsoft Copilot", "GitHub Copilot"), "Grok": ("re:\\bGrok(?= AI|,? by xAI)",), "xAI": ("xAI",),
    # platforms, networks and sign-in
    "Twitch": ("Twitch",), "Threads": ("re:\\bThreads(?= app|,? (?:an )?Instagram app)",), "Bluesky": ("Bluesky",),
    "Mastodon": ("Mastodon",), "VK": ("VKontakte", "re:\\bVK(?= ID|ontakte)"), "Weibo": ("Weibo",),
    "Kakao": ("Kakao", "KakaoTalk"), "Naver": ("Naver",), "Nextdoor": ("Nextdoor",), "Quora": ("Quora",),
    "SoundCloud": ("SoundCloud",), "Giphy": ("Giphy", "GIPHY"), "Tenor": ("re:\\bTenor(?= GIF)",),
    "Patreon": ("Patreon",), "Substack": ("Substack",), "Medium": ("re:\\bMedium(?= Corporation|\\.com)",),
    "Steam": ("re:\\bSteam(?= account| platform)",),
    "Apple Maps": ("Apple Maps",), "OpenStreetMap": ("OpenStreetMap",), "TomTom": ("TomTom",),
    # reviews, commerce, hiring and payroll tools
    "Trustpilot": ("Trustpilot",), "Yotpo": ("Yotpo",), "Bazaarvoice": ("Bazaarvoice",), "PowerReviews": ("PowerReviews",),
    "Feefo": ("Feefo",), "BigCommerce": ("BigCommerce",), "Magento": ("Magento",), "WooCommerce": ("WooCommerce",),
    "Eventbrite": ("Eventbrite",), "Ticketmaster": ("Ticketmaster",), "Greenhouse": ("re:\\bGreenhouse(?= Software|,? Inc\\.?)",),
    "Lever": ("re:\\bLever(?=,? Inc\\.?|\\.co)",), "Workable": ("re:\\bWorkable(?=,? (?:Inc|Software)\\.?)",),
    "SmartRecruiters": ("SmartRecruiters",), "iCIMS": ("iCIMS",), "Taleo": ("Taleo",), "Indeed": ("re:\\bIndeed(?=,? Inc\\.?|\\.com)",),
    "Gusto": ("re:\\bGusto(?=,? Inc\\.?)",), "ADP": ("re:\\bADP(?=,? (?:Inc|LLC)\\.?)",), "Paychex": ("Paychex",),
    "Rippling": ("Rippling",), "Deel": ("re:\\bDeel(?=,? Inc\\.?)",),
    # dispute resolution and self-regulation bodies
    "ICDR": ("International Centre for Dispute Resolution", "re:\\bICDR\\b"),
    "ePrivacyseal": ("ePrivacyseal", "ePrivacy seal"),
    "Online Privacy Alliance": ("Online Privacy Alliance",),
    "BBBOnLine": ("BBBOnLine", "BBBOnline", "Better Business Bureau OnLine", "Better Business Bureau Online"),
}

# products belong to a company: in that company's own policy they are not third parties
OWNER: dict[str, str] = {
    "Google Analytics": "Google", "Google Ads": "Google", "Google AdSense": "Google", "DoubleClick": "Google",
    "Google Tag Manager": "Google", "reCAPTCHA": "Google", "Google Maps": "Google", "Google Cloud": "Google",
    "Firebase": "Google", "Crashlytics": "Google", "YouTube": "Google", "Google Play": "Google", "Google Plus": "Google",
    "Android": "Google", "Gmail": "Google", "Gemini": "Google",
    "Instagram": "Meta", "WhatsApp": "Meta", "Messenger": "Meta", "Facebook": "Meta", "Oculus": "Meta",
    "Chrome": "Google", "iOS": "Apple", "iTunes": "Apple", "iCloud": "Apple", "Safari": "Apple",
    "Kindle": "Amazon", "Firefox": "Mozilla", "Internet Explorer": "Microsoft", "Microsoft Edge": "Microsoft",
    "Flurry": "Yahoo", "Omniture": "Adobe", "Adobe Analytics": "Adobe", "Flash": "Adobe",
    "LinkedIn": "Microsoft", "Bing": "Microsoft", "Outlook": "Microsoft", "Azure": "Microsoft",
    "Skype": "Microsoft", "GitHub": "Microsoft", "Hotmail": "Microsoft", "Edge": "Microsoft",
    "Amazon Web Services": "Amazon", "Alexa": "Amazon", "Amazon SES": "Amazon",
    "ChatGPT": "OpenAI", "Claude": "Anthropic", "X": "Twitter",
    "Audience Network": "Meta", "Llama": "Meta", "Amazon Advertising": "Amazon", "Amazon Publisher Services": "Amazon",
    "Amazon Pay": "Amazon", "Amazon Bedrock": "Amazon", "Google Marketing Platform": "Google",
    "Google Optimize": "Google", "Google Signals": "Google", "Google Pay": "Google", "Google Wallet": "Google", "Google Meet": "Google",
    "Google Workspace": "Google", "Google Fonts": "Google", "Apple Pay": "Apple",
    "Apple Maps": "Apple", "Microsoft Teams": "Microsoft", "Microsoft Dynamics": "Microsoft",
    "Microsoft 365": "Microsoft", "Microsoft Copilot": "Microsoft", "Azure OpenAI": "Microsoft",
    "Twitter Ads": "Twitter", "Snap Pixel": "Snapchat", "TikTok Pixel": "TikTok", "Pinterest Tag": "Pinterest",
    "Webex": "Cisco", "Trello": "Atlassian", "Confluence": "Atlassian", "Adobe Fonts": "Adobe", "Shop Pay": "Shopify",
    "Grok": "xAI", "Cash App": "Square",
}


# companies of a group that keep their own name: in the parent's policy they are still recipients
AFFILIATES = {"Instagram", "WhatsApp", "Oculus", "LinkedIn", "GitHub", "Flurry", "AOL"}
# the same company under its former or present name
COMPANY_RENAMED: dict[str, str] = {"Facebook": "Meta", "X": "Twitter"}


# what a named party is to the reader: only a service provider can be a recipient of data the
# policy sends; a platform is where the service runs, a network where the user signs in or
# shares, a body where the user opts out or complains
_ROLE_SETS: dict[str, frozenset[str]] = {
    "platform": frozenset({"Apple", "Android", "iOS", "iTunes", "iCloud", "Google Play", "Kindle", "Nook", "Firefox",
                           "Mozilla", "Chrome", "Safari", "Internet Explorer", "Microsoft Edge", "Opera", "Flash",
                           "Netscape", "Microsoft", "Steam", "Roku", "Samsung",
                           # e-mail clients and mailboxes: where the user reads mail or signs in
                           "Outlook", "Gmail", "Hotmail", "Yahoo Mail"}),
    "social network": frozenset({"Facebook", "Meta", "Instagram", "WhatsApp", "Messenger", "Twitter", "X", "LinkedIn",
                                 "Pinterest", "Snapchat", "TikTok", "Reddit", "Tumblr", "YouTube", "Google Plus",
                                 "Discord", "Twitch", "Threads", "Bluesky", "Mastodon", "VK", "Weibo", "Kakao",
                                 "Naver", "Nextdoor", "Quora", "WeChat", "Telegram", "Signal", "Viber", "Line",
                                 "Skype", "Vimeo", "SoundCloud", "Medium", "Substack", "Patreon", "Gravatar"}),
    "industry opt-out or certification": frozenset({
        "Digital Advertising Alliance", "Network Advertising Initiative", "Your Online Choices", "AppChoices",
        "YourAdChoices", "TRUSTe", "TrustArc", "BBBOnLine", "Online Privacy Alliance", "Interactive Advertising Bureau",
        "IAB Europe", "ePrivacyseal", "VeraSafe"}),
    "dispute resolution": frozenset({"JAMS", "American Arbitration Association", "ICDR", "BBB"}),
    "representative": frozenset({"EDPO"}),
}
ROLES: dict[str, str] = {name: role for role, names in _ROLE_SETS.items() for name in names}
_BODY_RE = re.compile(r"\b(?:Association|Alliance|Initiative|Council|Bureau|Federation|Consortium)\b")


def role_of(name: str) -> str:
    """What a party named by the report usually is: 'platform', 'social network', 'industry
    opt-out or certification', 'dispute resolution', 'representative', 'service provider' (any
    other listed vendor: analytics, ads, payments, hosting, support...) or 'company' (named by
    shape only, its trade unknown). roles.role_in reads the sentences that name it too."""
    if name in ROLES:
        return ROLES[name]
    if name in VENDORS:
        return "service provider"
    return "industry opt-out or certification" if _BODY_RE.search(name) else "company"


def family(name: str) -> str:
    """The company a vendor name belongs to ('Gmail' -> 'Google', 'Facebook' -> 'Meta')."""
    fam = OWNER.get(name, name)
    return {"Facebook": "Meta"}.get(fam, fam)


_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def _compile() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]],
                        list[tuple[str, tuple[str, ...], re.Pattern[str], tuple[str, ...] | None]]]:
    """(first token -> [(alias tokens, canonical)], [(canonical, hints, regex, required literals)])."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    regexes = []
    for canon, aliases in VENDORS.items():
        for a in aliases:
            if a.startswith("re:"):
                regexes.append((canon, literal_hints(a[3:]), re.compile(a[3:]), required_literals(a[3:])))
            else:
                toks = tuple(_TOKEN_RE.findall(a))
                by_first.setdefault(toks[0], []).append((toks, canon))
    for lst in by_first.values():
        lst.sort(key=lambda x: -len(x[0]))
    return by_first, regexes


_BY_FIRST, _REGEXES = _compile()
# lower-cased index for documents written entirely in lower case ("google analytics")
_BY_FIRST_FOLD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
# one-word names that are also ordinary words cannot be told apart without their capital
_FOLD_SKIP = {"apple", "slack", "outlook", "postmark", "discord", "sentry", "signal", "moat", "branch",
              "edge", "chrome", "safari", "oracle", "target", "square", "box", "segment", "heap", "meta",
              "amazon", "alexa", "gemini", "claude", "persona", "drift", "wix", "visa"}
for _first, _lst in _BY_FIRST.items():
    _BY_FIRST_FOLD.setdefault(_first.lower(), []).extend(
        (tuple(t.lower() for t in toks), canon) for toks, canon in _lst
        if not (len(toks) == 1 and toks[0].lower() in _FOLD_SKIP))
for _lst in _BY_FIRST_FOLD.values():
    _lst.sort(key=lambda x: -len(x[0]))
# case-insensitive: the case-sensitive literal heads do not apply
_REGEXES_FOLD = [(c, h, re.compile(rx.pattern, re.I), None) for c, h, rx, _ in _REGEXES]
_ALL_REGEX_HINTS = tuple(sorted({h for _, hints, _, _ in _REGEXES for h in hints}))
_PLATFORMS = r"(?:YouTube|Facebook|Instagram|TikTok|LinkedIn|Snapchat|Twitter|Pinterest|Reddit|Twitch|Threads)"
_BARE_X_RE = re.compile(r"(?<![\w.-])X(?![\w-])")
_PLATFORM_BEFORE_RE = re.compile(_PLATFORMS + r"(?:,| or| and|, or|, and) $")
_PLATFORM_AFTER_RE = re.compile(r"(?:,| or| and|, or|, and) " + _PLATFORMS)


_WORD_TOKEN_RE = re.compile(r"\w+")
_IS_WORD_CHAR = re.compile(r"\w").match
_ALIAS_TOKENS = {first: max(len(toks) for toks, _ in lst) for first, lst in _BY_FIRST.items()}
_MAX_ALIAS_TOKENS = max(_ALIAS_TOKENS.values())


def _first_token_hits(text: str) -> list[tuple[str, int]]:
    """(token, start) of every word token of text that begins some alias, in text order.

    Every alias starts with a word token (\\w+, a maximal run), so the distinct words of the
    text are intersected with the index first and only those few are looked up with str.find;
    tokenising a whole policy into Python tuples was most of the cost of entity extraction."""
    present = set(_WORD_TOKEN_RE.findall(text)).intersection(_BY_FIRST)
    hits: list[tuple[str, int]] = []
    n = len(text)
    for t in present:
        k = len(t)
        i = text.find(t)
        while i != -1:
            # a whole token: no word character on either side (what \w+ tokenising gives)
            if (i == 0 or not _IS_WORD_CHAR(text[i - 1])) and (i + k == n or not _IS_WORD_CHAR(text[i + k])):
                hits.append((t, i))
            i = text.find(t, i + k)
    hits.sort(key=lambda h: h[1])
    return hits


def _token_stream(text: str, fold: bool) -> "list[tuple[str, int, int]] | None":
    """All tokens of text for the folded (case-insensitive) index; None: use _first_token_hits."""
    if not fold:
        return None
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


@lru_cache(maxsize=16)
def _vendor_spans(text: str, fold: bool = False) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    index = _BY_FIRST_FOLD if fold else _BY_FIRST
    all_toks = _token_stream(text, fold)
    if all_toks is not None:
        starts = [(t, st, i) for i, (t, st, _) in enumerate(all_toks) if t in index]
    else:
        starts = [(t, st, -1) for t, st in _first_token_hits(text)]
    for t, st, i in starts:
        cands = index[t]
        if st and (text[st - 1].isalnum() or text[st - 1] in "@/-" or
                   (text[st - 1] == "." and st >= 2 and text[st - 2].isalnum())):
            continue  # part of a longer word, address or domain
        if all_toks is not None:
            toks = all_toks[i:i + _MAX_ALIAS_TOKENS]
        elif _ALIAS_TOKENS[t] == 1:   # one-word names (most): the token itself is all we need
            toks = [(t, st, st + len(t))]
        else:   # the tokens from st on are the same as in a tokenisation of the whole text
            toks = [(m.group(), m.start(), m.end())
                    for m in islice(_TOKEN_RE.finditer(text, st), _ALIAS_TOKENS[t])]
        n = len(toks)
        words = tuple(tok[0] for tok in toks)    # compared as one tuple slice per alias
        for alias, canon in cands:
            k = len(alias)
            if k > n or words[:k] != alias:
                continue
            # tokens must be contiguous as in the alias (no new words in between)
            end = toks[k - 1][2]
            if len(text[st:end].split()) != len(" ".join(alias).replace(" . ", ".").split()) and \
                    re.sub(r"\s+", "", text[st:end]) != "".join(alias):
                continue
            after = text[end:end + 2]
            if text.startswith("TM", end) and not text[end + 2:end + 3].isalnum():
                after = ""          # 'FirefoxTM': a trademark sign spelled out
            if after[:1] and (after[0].isalnum() or after[0] in "@-_") or (after[:1] == "." and after[1:2].islower()):
                continue
            found.setdefault(canon, []).append((st, end))
            break
    # "X" alone is a letter; it is the platform only when listed beside other platforms
    for m in (_BARE_X_RE.finditer(text) if "X" in text else ()):
        before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 16]
        if _PLATFORM_BEFORE_RE.search(before) or _PLATFORM_AFTER_RE.match(after):
            found.setdefault("X", []).append(m.span())
    low = text.lower()
    present = {h for h in _ALL_REGEX_HINTS if h in low}
    for canon, hints, rx, heads in (_REGEXES_FOLD if fold else _REGEXES):
        if hints and present.isdisjoint(hints):
            continue
        if heads is not None and not any(h in text for h in heads):
            continue
        for m in (rx.finditer(text) if heads is None else finditer_heads(rx, heads, text)):
            found.setdefault(canon, []).append(m.span())
    if not fold:     # names by shape and context need their capitals
        listed = sorted(sp for spans in found.values() for sp in spans)
        span_starts = [s for s, _ in listed]
        for name, s, e in find_parties(text):
            i = bisect_left(span_starts, s + 1)
            if any(s2 <= s and e <= e2 for s2, e2 in listed[max(0, i - 8):i]):
                continue      # inside a listed name ('Google' of 'Google Analytics')
            if _listed_names_only(text, s, e, listed[i - 1 if i else 0:bisect_left(span_starts, e)]):
                continue      # 'Facebook Twitter': two listed names a comma went missing between
            found.setdefault(_seed_name(name), []).append((s, e))
    return found


def _listed_names_only(text: str, s: int, e: int, inside: list[tuple[int, int]]) -> bool:
    """Is text[s:e] nothing but two or more listed names?"""
    inside = [(a, b) for a, b in inside if s <= a and b <= e]
    if len(inside) < 2:
        return False
    rest, pos = [], s
    for a, b in inside:
        rest.append(text[pos:max(pos, a)])
        pos = max(pos, b)
    rest.append(text[pos:e])
    return not "".join(rest).strip(" ,&/")


_ALIAS_CANON = {a.lower(): c for c, aliases in VENDORS.items() for a in aliases if not a.startswith("re:")}
_TAIL_SUFFIX_RE = re.compile(r",? (?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|plc|PLC|S\.A|SAS|B\.V|Ltda)\.?$")


_ALIAS_CANON.update({c.lower(): c for c in VENDORS})


def _seed_name(name: str) -> str:
    """The seed list's name for a name found by shape ('Apple Inc' -> 'Apple'), else the name."""
    for n in (name, _TAIL_SUFFIX_RE.sub("", name)):
        canon = _ALIAS_CANON.get(n.lower())
        if canon:
            return canon
    return name


def find_vendors(text: str, fold: bool = False) -> set[str]:
    """Canonical vendor names mentioned in text (a longer name hides the shorter one inside it).

    fold: match case-insensitively, for documents written entirely in lower case."""
    found = _vendor_spans(text, fold)
    if not found:
        return set()
    result = set()
    all_spans = sorted((s, e, c) for c, sp in found.items() for s, e in sp)
    starts = [s for s, _, _ in all_spans]
    longest = max(e - s for s, e, _ in all_spans)
    for canon, spans in found.items():
        for s, e in spans:
            # a covering span starts at most `longest` before s: look only there (all spans
            # against all was quadratic in the mentions of a long policy)
            lo, hi = bisect_left(starts, s - longest), bisect_left(starts, s + 1)
            covered = any(e <= e2 and (e2 - s2) > (e - s)
                          for s2, e2, c2 in all_spans[lo:hi] if c2 != canon)
            if not covered and not in_menu(text, s, e) and not in_teaser(text, s) and not is_button(text, s) \
                    and not in_sample(text, e) and not (canon in ROLES and ROLES[canon] == "platform"
                                                        and runs_on(text, s, e)):
                result.add(canon)
                break
    return result


_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "at", "as", "in", "on", "for", "by", "vs", "&",
                          "-", "–", "—", "/"})
_MENU_REACH = 120


def in_menu(text: str, start: int, end: int, across_lines: bool = False) -> bool:
    """Is the mention inside a run of navigation or teaser titles ('Best Buy Reviews Target
    Reviews IBM Reviews', 'How to Get A Job At Snapchat According to Insiders 7 Companies')?
    Five words on each side on its line, all capitalised or small joining words, no list
    commas, brackets or table: page chrome that names a company, not the policy naming a party.
    across_lines: count the lines around too (menu lines of brand sites, 'Bookworm.com Books
    For Children Of All Ages' / 'Casa.com Kitchen, Storage'; a list of bodies one per line is
    not a menu, so names are judged on their own line)."""
    lo, hi = max(0, start - _MENU_REACH), min(len(text), end + _MENU_REACH)
    if not across_lines:
        lo = max(lo, text.rfind("\n", lo, start) + 1)
        nl = text.find("\n", end, hi)
        hi = nl if nl != -1 else hi
    words = text[lo:start].split()[-5:] + text[end:hi].split()[:5]
    if len(words) < 8 or sum(w.count(",") for w in words) > 1 or any("|" in w or "(" in w or ")" in w for w in words):
        return False      # a list has its commas, a table its bars, a list of legal entities its brackets
    caps = 0
    for w in words:
        core = w.strip("()[],.:;!?\"“”'’*_")
        if not core or core.lower() in _SMALL_WORDS:
            continue
        if core[0].isupper() or core[0].isdigit():
            caps += 1
        elif core[0].isalpha():
            return False      # a word in lower case: prose
    return caps >= 6



_TEASER_REACH = 160
# a title cut off in mid-phrase: the ellipsis glued to a word ('The first and...'); 'Google,
# Facebook, ...' or '... and more …' ends a list, not a teaser
_TEASER_END_RE = re.compile(r"[A-Za-z](?:\.\.\.|…)$")


def in_teaser(text: str, start: int) -> bool:
    """Is the position on a short line that a scrape of a page's teasers cut off with an
    ellipsis ('PayPal Galactic: The first and...', 'Netflix shares jump, Apple and...')?
    A policy's sentence does not end in '...'."""
    hi = text.find("\n", start, start + _TEASER_REACH)
    if hi == -1:
        if len(text) - start > _TEASER_REACH:
            return False          # a long line: prose, not a teaser (and no scan to its end)
        hi = len(text)
    lo = text.rfind("\n", max(0, start - _TEASER_REACH), start) + 1
    while hi > lo and text[hi - 1].isspace():      # the line's end, as rstrip() finds it
        hi -= 1
    # the ending is tested on the line's last characters only, and the words counted only then:
    # a line with no break near the name runs from the text's start (copying it was most of the cost)
    return _TEASER_END_RE.search(text, max(lo, hi - 4), hi) is not None and len(text[lo:hi].split()) <= 14


# a page's own buttons: 'Share on Facebook', 'Share via Twitter', 'Follow us on LinkedIn'
_BUTTON_BEFORE_RE = re.compile(r"(?:\bShare|\bPost|\bFollow [Uu]s|\bLike [Uu]s|\bFind [Uu]s|\bPin it)(?: it)? (?:on|via|to|at) $")


def is_button(text: str, start: int) -> bool:
    """Is the name the target of one of the page's share or follow buttons ('Share on Google
    Plus', 'Follow us on Twitter')? The button names where the reader may post, not a party."""
    return _BUTTON_BEFORE_RE.search(text, max(0, start - 20), start) is not None


# a software string of a sample log line or user agent: a three-part build number ('Firefox
# 1.0.7; Windows NT 5.1') or a product/version token ('Mozilla/5.0'); a policy naming a
# browser it supports writes 'Firefox 3.0 or later', 'Firefox 1.x'
_BUILD_AFTER_RE = re.compile(r"(?:TM|™|&trade;)?(?: v?\d+(?:\.\d+){2,}|/\d+\.\d)(?![\w.]\w)")


def in_sample(text: str, end: int) -> bool:
    """Is the name the software of an example log entry or user agent ('Firefox 1.0.7; Windows
    NT 5.1 is the browser and operating system being used')? The example shows what a log
    holds; it names no party that gets data."""
    return _BUILD_AFTER_RE.match(text, end, end + 20) is not None


# what a product is 'for' when it names the platform it runs on ('Twitter for iOS', 'Apps for
# Android'); a setting for a platform ('Limit Ad Tracking for iOS') is the platform's control
_FOR_BEFORE_RE = re.compile(r"(?<![\w&'’-])(?:[A-Z][\w&'’.-]*|apps?|applications?|versions?|editions?|clients?)"
                            r" for $")
# words a setting or a control ends in: what they are "for" is the platform that offers them
_NOT_A_PRODUCT = frozenset({"tracking", "settings", "instructions", "preferences", "options", "controls", "choices",
                            "opt-out", "opt-outs", "permissions", "privacy"})
_LIST_GOES_ON_RE = re.compile(r"\s*(?:[,;.)]|\band\b|\bor\b|$)")


def runs_on(text: str, start: int, end: int) -> bool:
    """Is the platform named only as what a product runs on ('… viewable on Twitter.com,
    Twitter for iOS, and Twitter for Android')? The platform gets no data there; 'iOS for Apple
    devices' names the platform with its maker and 'apps for Android devices' the devices."""
    before = _FOR_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is None or before.group(0).split(" ", 1)[0].lower() in _NOT_A_PRODUCT:
        return False
    return _LIST_GOES_ON_RE.match(text, end, end + 6) is not None


def vendor_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each vendor is named in text: canonical name -> [(start, end)]."""
    return dict(_vendor_spans(text, False))


def vendor_mentions(text: str, fold: bool = False) -> dict[str, int]:
    """How often each vendor is named (for finding the policy's own company)."""
    return dict(_mentions(text, fold))


@lru_cache(maxsize=4)
def _mentions(text: str, fold: bool) -> dict[str, int]:
    """vendor_mentions of a whole text, remembered apart from _vendor_spans (whose few places
    the sentences asked about since fill): the next pair of a history asks for it again."""
    return {c: len(sp) for c, sp in _vendor_spans(text, fold).items()}
